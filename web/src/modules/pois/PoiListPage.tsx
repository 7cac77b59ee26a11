import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { usePois } from '../../api/pois';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button, ButtonLink } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';

/** Persons of interest, searchable by name. */
export function PoiListPage() {
  const { m, formatDate } = useI18n();
  const t = m.pois;
  usePageTitle(t.title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const list = usePois(q);
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  return (
    <>
      <div className="wb-title-row">
        <Heading level={1}>{t.title}</Heading>
        <ButtonLink to="/personen/nieuw" variant="primary" data-testid="poi-new">
          {t.new}
        </ButtonLink>
      </div>
      <Paragraph>{t.intro}</Paragraph>
      <form role="search" onSubmit={onSearch} className="wb-quick" aria-label={t.search}>
        <TextField id="poi-q" type="search" label={t.search} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit">{t.searchSubmit}</Button>
      </form>
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(list.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {list.data ? (
        <p className="utrecht-paragraph" role="status">
          {t.count(list.data.length)}
        </p>
      ) : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t.empty}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <Table caption={t.caption} cards testId="poi-table">
          <THead>
            <Th>{t.name}</Th>
            <Th>{t.birthDate}</Th>
            <Th>{t.incidentCount}</Th>
          </THead>
          <TBody>
            {list.data.map((p) => (
              <Tr key={p.id} testId="poi-row">
                <Td label={t.name}>
                  <AppLink to={`/personen/${p.id}`}>{p.displayName}</AppLink>
                  {p.sharedBy ? <span className="wb-muted"> — {m.detail.sharedBy(p.sharedBy)}</span> : null}
                </Td>
                <Td label={t.birthDate}>{formatDate(p.birthDate)}</Td>
                <Td label={t.incidentCount}>{p.incidentCount}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </>
  );
}
