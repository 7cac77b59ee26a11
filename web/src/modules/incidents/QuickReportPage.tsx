import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useOfficeholders } from '../../api/admin';
import { incidentKeys, reportIncident } from '../../api/incidents';
import { hasPermission, useSession, useTaxonomy } from '../../api/session';
import type { IncidentChannel, IncidentForm } from '../../api/codes';
import type { Incident } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup, RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { useFormErrors } from '../../ui/use-form-errors';
import { localInputToIso, toLocalInput } from './datetime';
import { severityLevels, useCodeOptions, useSeverityLabel } from './options';
import { ReportConfirmation } from './ReportConfirmation';

const fields = ['officeholderId', 'summary', 'occurredAt', 'channel', 'forms', 'severity'] as const;
type Draft = {
  officeholderId: string;
  summary: string;
  occurredAt: string;
  channel: string;
  forms: string[];
  severity: string;
};
const emptyDraft = (): Draft => ({
  officeholderId: '',
  summary: '',
  occurredAt: toLocalInput(new Date()),
  channel: '',
  forms: [],
  severity: '',
});
const slackMs = 5 * 60_000;

/** The one-minute report: what, when, how, what kind and how serious; details come later. */
export function QuickReportPage() {
  const { m } = useI18n();
  usePageTitle(m.report.title);
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const taxonomy = useTaxonomy();
  const choosesOfficeholder = hasPermission(session, 'incidents:read');
  const officeholders = useOfficeholders(false, choosesOfficeholder);
  const options = useCodeOptions();
  const severityLabel = useSeverityLabel();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Incident | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (created) {
    return (
      <ReportConfirmation
        incident={created}
        onAnother={() => {
          setCreated(null);
          setDraft(emptyDraft());
          clear();
        }}
      />
    );
  }
  if (taxonomy.isPending) return <Loading />;

  const validate = (): Record<string, string> => {
    const problems: Record<string, string> = {};
    if (choosesOfficeholder && !draft.officeholderId) problems['officeholderId'] = m.report.officeholderRequired;
    if (draft.summary.trim().length < 3) problems['summary'] = m.report.summaryRequired;
    const iso = localInputToIso(draft.occurredAt);
    if (!iso) problems['occurredAt'] = m.report.occurredRequired;
    else if (Date.parse(iso) > Date.now() + slackMs) problems['occurredAt'] = m.report.occurredFuture;
    if (!draft.channel) problems['channel'] = m.report.channelRequired;
    if (draft.forms.length === 0) problems['forms'] = m.report.formsRequired;
    if (!draft.severity) problems['severity'] = m.report.severityRequired;
    return problems;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validate();
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const incident = await reportIncident({
        ...(choosesOfficeholder ? { officeholderId: draft.officeholderId } : {}),
        occurredAt: localInputToIso(draft.occurredAt) ?? '',
        forms: draft.forms as IncidentForm[],
        channel: draft.channel as IncidentChannel,
        severity: Number(draft.severity),
        summary: draft.summary.trim(),
      });
      clear();
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      setCreated(incident);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    officeholderId: m.report.officeholder,
    summary: m.report.summary,
    occurredAt: m.report.occurredAt,
    channel: m.report.channel,
    forms: m.report.forms,
    severity: m.severity.legend,
  };
  return (
    <div className="wb-form-page">
      <Heading level={1}>{m.report.title}</Heading>
      <Paragraph>{m.report.intro}</Paragraph>
      <ErrorSummary idPrefix="report" state={errors} labels={labels} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="quick-report-form">
        {choosesOfficeholder ? (
          <SelectField
            id="report-officeholderId"
            label={labels.officeholderId}
            value={draft.officeholderId}
            onChange={(e) => set('officeholderId', e.target.value)}
            placeholder={m.common.choose}
            options={(officeholders.data ?? []).map((o) => ({
              value: o.id,
              label: `${o.fullName} (${m.codes.offices[o.office] ?? o.office})`,
            }))}
            error={errors.fields['officeholderId']}
            required
          />
        ) : null}
        <TextAreaField
          id="report-summary"
          label={labels.summary}
          hint={m.report.summaryHint}
          value={draft.summary}
          onChange={(e) => set('summary', e.target.value)}
          rows={4}
          maxLength={2000}
          error={errors.fields['summary']}
          required
        />
        <TextField
          id="report-occurredAt"
          type="datetime-local"
          label={labels.occurredAt}
          value={draft.occurredAt}
          max={toLocalInput(new Date(Date.now() + slackMs))}
          onChange={(e) => set('occurredAt', e.target.value)}
          error={errors.fields['occurredAt']}
          required
        />
        <RadioGroup
          id="report-channel"
          name="channel"
          legend={labels.channel}
          options={options('channels', taxonomy.data?.channels)}
          value={draft.channel}
          onChange={(v) => set('channel', v)}
          error={errors.fields['channel']}
          columns
        />
        <CheckboxGroup
          id="report-forms"
          legend={labels.forms}
          hint={m.report.formsHint}
          options={options('forms', taxonomy.data?.forms)}
          value={draft.forms}
          onChange={(v) => set('forms', v)}
          error={errors.fields['forms']}
          columns
        />
        <RadioGroup
          id="report-severity"
          name="severity"
          legend={labels.severity}
          options={severityLevels.map((n) => ({ value: String(n), label: severityLabel(n) }))}
          value={draft.severity}
          onChange={(v) => set('severity', v)}
          error={errors.fields['severity']}
        />
        <Button type="submit" variant="primary" busy={busy} large data-testid="quick-report-submit">
          {m.report.submit}
        </Button>
      </form>
    </div>
  );
}
