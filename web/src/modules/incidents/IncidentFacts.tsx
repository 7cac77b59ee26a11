import type { Incident } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DataList, Heading } from '../../ui/Typography';
import { useSeverityLabel } from './options';

/** Every field of the incident, read-only; user text is rendered as text. */
export function IncidentFacts({ incident: i }: { incident: Incident }) {
  const { m, label, formatDate, formatDateTime } = useI18n();
  const severityLabel = useSeverityLabel();
  const f = m.fields;
  const hidden = new Set(i.access?.masked ?? []);
  const text = (value: string | null) => (value && value.trim() ? value : m.common.empty);
  const list = (group: Parameters<typeof label>[0], codes: string[] | null) =>
    codes?.length ? codes.map((c) => label(group, c)).join(', ') : m.common.empty;
  const yesNo = (value: boolean | null) => (value === null ? m.common.empty : value ? m.common.yes : m.common.no);
  // A field outside the parts a sharing grant covers comes as null; say so rather than show "—".
  const unmasked = (items: { field?: string; key: string; value: string; multiline?: boolean }[]) =>
    items.map(({ field, ...item }) => (field && hidden.has(field) ? { ...item, value: m.detail.masked } : item));
  return (
    <>
      <section aria-labelledby="facts-title" className="wb-section" data-testid="incident-facts">
        <Heading level={2} id="facts-title">
          {m.detail.facts}
        </Heading>
        <DataList
          items={unmasked([
            { key: f.officeholder, value: `${i.officeholder.fullName} (${label('offices', i.officeholder.office)})` },
            { key: f.occurredAt, value: formatDateTime(i.occurredAt) },
            { key: f.reportedAt, value: formatDateTime(i.reportedAt) },
            { key: f.reportedBy, value: i.reportedBy.displayName },
            { key: f.forms, value: list('forms', i.forms) },
            { key: f.channel, value: label('channels', i.channel) },
            { key: f.severity, value: severityLabel(i.severity) },
            { key: f.status, value: label('statuses', i.status) },
            ...(i.statusReason ? [{ key: f.statusReason, value: label('closeReasons', i.statusReason) }] : []),
            { key: f.summary, value: text(i.summary), multiline: true },
            { field: 'description', key: f.description, value: text(i.description), multiline: true },
            { field: 'location', key: f.location, value: text(i.location) },
            { field: 'targets', key: f.targets, value: list('targets', i.targets) },
            { field: 'perpetratorType', key: f.perpetratorType, value: label('perpetratorTypes', i.perpetratorType) },
            { field: 'knownPerpetrators', key: f.knownPerpetrators, value: text(i.knownPerpetrators), multiline: true },
            { field: 'motive', key: f.motive, value: label('motives', i.motive) },
            { field: 'decisionReference', key: f.decisionReference, value: text(i.decisionReference) },
            {
              field: 'municipalProcess',
              key: f.municipalProcess,
              value: label('municipalProcesses', i.municipalProcess),
            },
            { field: 'impacts', key: f.impacts, value: list('impacts', i.impacts) },
          ])}
        />
      </section>
      <section aria-labelledby="followup-title" className="wb-section">
        <Heading level={2} id="followup-title">
          {m.detail.followUp}
        </Heading>
        <DataList
          items={unmasked([
            { field: 'internalReportDate', key: f.internalReportDate, value: formatDate(i.internalReportDate) },
            { field: 'aangifteDate', key: f.aangifteDate, value: formatDate(i.aangifteDate) },
            { field: 'vptCodes', key: f.vptCodes, value: i.vptCodes?.length ? i.vptCodes.join(', ') : m.common.empty },
            { field: 'domicilie', key: f.domicilie, value: label('domicilie', i.domicilie) },
            { field: 'policeReference', key: f.policeReference, value: text(i.policeReference) },
            { field: 'employerAangifte', key: f.employerAangifte, value: yesNo(i.employerAangifte) },
            { field: 'aftercareOffered', key: f.aftercareOffered, value: yesNo(i.aftercareOffered) },
            { field: 'aftercareNotes', key: f.aftercareNotes, value: text(i.aftercareNotes), multiline: true },
          ])}
        />
      </section>
    </>
  );
}
