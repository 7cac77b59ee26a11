import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useOfficeholders } from '../../api/admin';
import { hasPermission, useSession } from '../../api/session';
import {
  createSupportRequest,
  supportKeys,
  supportKinds,
  supportRecipients,
  useSupportRequests,
  type SupportKind,
  type SupportRecipient,
} from '../../api/support';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';

/** The support requests the user may see, and (for requesters) a form to file one. */
export function SupportPage() {
  const { m, formatDate } = useI18n();
  const t = m.support;
  usePageTitle(t.title);
  const { data: session } = useSession();
  const list = useSupportRequests();
  return (
    <>
      <Heading level={1}>{t.title}</Heading>
      <Paragraph>{t.intro}</Paragraph>
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(list.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {list.data && list.data.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <Table caption={t.caption} cards testId="support-table">
          <THead>
            <Th>{t.summary}</Th>
            <Th>{t.kind}</Th>
            <Th>{t.forWhom}</Th>
            <Th>{t.status}</Th>
            <Th>{t.date}</Th>
          </THead>
          <TBody>
            {list.data.map((r) => (
              <Tr key={r.id}>
                <Td label={t.summary}>
                  <AppLink to={`/ondersteuning/${r.id}`}>{r.summary}</AppLink>
                </Td>
                <Td label={t.kind}>{t.kinds[r.kind]}</Td>
                <Td label={t.forWhom}>{t.recipients[r.forWhom]}</Td>
                <Td label={t.status}>{t.statuses[r.status]}</Td>
                <Td label={t.date}>{formatDate(r.createdAt)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      {hasPermission(session, 'support:request') ? (
        <NewRequest forOthers={hasPermission(session, 'officeholders:read')} />
      ) : null}
    </>
  );
}

const fields = ['officeholderId', 'kind', 'forWhom', 'summary', 'details'] as const;

function NewRequest({ forOthers }: { forOthers: boolean }) {
  const { m } = useI18n();
  const t = m.support;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const officeholders = useOfficeholders(false, forOthers);
  const [draft, setDraft] = useState({
    officeholderId: '',
    kind: '',
    forWhom: 'ambtsdrager',
    summary: '',
    details: '',
  });
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (forOthers && !draft.officeholderId) problems['officeholderId'] = t.officeholderRequired;
    if (!draft.kind) problems['kind'] = t.kindRequired;
    if (draft.summary.trim().length < 3) problems['summary'] = t.summaryRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const created = await createSupportRequest({
        ...(forOthers ? { officeholderId: draft.officeholderId } : {}),
        kind: draft.kind as SupportKind,
        forWhom: draft.forWhom as SupportRecipient,
        summary: draft.summary.trim(),
        details: draft.details.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: supportKeys.list });
      navigate(`/ondersteuning/${created.id}`);
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="support-new" className="wb-section wb-form-page">
      <Heading level={2} id="support-new">
        {t.new}
      </Heading>
      <ErrorSummary
        idPrefix="support"
        state={errors}
        labels={{
          officeholderId: t.officeholder,
          kind: t.kind,
          forWhom: t.forWhom,
          summary: t.summary,
          details: t.details,
        }}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="support-form">
        {forOthers ? (
          <SelectField
            id="support-officeholderId"
            label={t.officeholder}
            value={draft.officeholderId}
            onChange={(e) => set('officeholderId')(e.target.value)}
            placeholder={m.common.choose}
            options={(officeholders.data ?? []).map((o) => ({ value: o.id, label: o.fullName }))}
            error={errors.fields['officeholderId']}
          />
        ) : null}
        <RadioGroup
          id="support-kind"
          name="kind"
          legend={t.kind}
          options={supportKinds.map((k) => ({ value: k, label: t.kinds[k] }))}
          value={draft.kind}
          onChange={set('kind')}
          error={errors.fields['kind']}
        />
        <RadioGroup
          id="support-forWhom"
          name="forWhom"
          legend={t.forWhom}
          options={supportRecipients.map((r) => ({ value: r, label: t.recipients[r] }))}
          value={draft.forWhom}
          onChange={set('forWhom')}
          error={errors.fields['forWhom']}
        />
        <TextField
          id="support-summary"
          label={t.summary}
          value={draft.summary}
          onChange={(e) => set('summary')(e.target.value)}
          maxLength={300}
          error={errors.fields['summary']}
          required
        />
        <TextAreaField
          id="support-details"
          label={t.details}
          optionalText={m.common.optional}
          value={draft.details}
          onChange={(e) => set('details')(e.target.value)}
          rows={4}
          maxLength={10000}
          error={errors.fields['details']}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {t.submit}
        </Button>
      </form>
    </section>
  );
}
