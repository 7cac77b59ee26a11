import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { ScanArea } from '../../api/measures';
import { scanKeys, startScan, useScans } from '../../api/scans';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';
import { ScanDetail } from './ScanDetail';

const allAreas: ScanArea[] = ['woning', 'werkpakket', 'reisbewegingen', 'digitale_omgeving'];

/** The officeholder's security scans; `?scan=<id>` opens one. */
export function ScanTab({ officeholderId }: { officeholderId: string }) {
  const { m, formatDate } = useI18n();
  const t = m.scans;
  const [params, setParams] = useSearchParams();
  const scanId = params.get('scan');
  const scans = useScans(officeholderId);
  const queryClient = useQueryClient();
  const [areas, setAreas] = useState<string[]>(allAreas);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(['areas']);
  const open = (id: string) => `?deel=scan&scan=${encodeURIComponent(id)}`;
  if (scanId) return <ScanDetail scanId={scanId} backHref="?deel=scan" />;
  const onStart = async (e: FormEvent) => {
    e.preventDefault();
    if (areas.length === 0) return fail({ areas: t.areasRequired });
    setBusy(true);
    try {
      const scan = await startScan(officeholderId, areas as ScanArea[]);
      await queryClient.invalidateQueries({ queryKey: scanKeys.list(officeholderId) });
      setParams({ deel: 'scan', scan: scan.id });
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="scans-title" className="wb-section" data-testid="scans">
      <Heading level={2} id="scans-title">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      {scans.isPending ? <Loading /> : null}
      {scans.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(scans.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {scans.data && scans.data.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {scans.data && scans.data.length > 0 ? (
        <Table caption={t.caption} cards>
          <THead>
            <Th>{t.created}</Th>
            <Th>{t.areas}</Th>
            <Th>{t.status}</Th>
            <Th>{t.findings}</Th>
          </THead>
          <TBody>
            {scans.data.map((s) => (
              <Tr key={s.id}>
                <Td label={t.created}>
                  <AppLink to={open(s.id)} aria-label={t.openLabel(formatDate(s.createdAt))}>
                    {formatDate(s.createdAt)}
                  </AppLink>
                </Td>
                <Td label={t.areas}>{s.areas.map((a) => m.protection.plan.areas[a]).join(', ')}</Td>
                <Td label={t.status}>{t.statuses[s.status] ?? s.status}</Td>
                <Td label={t.findings}>{s.findingCount}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      <Heading level={3}>{t.start}</Heading>
      <ErrorSummary idPrefix="scan-start" state={errors} labels={{ areas: t.areas }} />
      <form onSubmit={(e) => void onStart(e)} noValidate>
        <CheckboxGroup
          id="scan-start-areas"
          legend={t.areas}
          options={allAreas.map((a) => ({ value: a, label: m.protection.plan.areas[a] }))}
          value={areas}
          onChange={setAreas}
          error={errors.fields['areas']}
          columns
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="scan-start">
          {t.start}
        </Button>
      </form>
    </section>
  );
}
