import type { CodeGroup } from '../../api/codes';
import { useIncidentEvents } from '../../api/incidents';
import type { IncidentEvent } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Heading, Paragraph } from '../../ui/Typography';
import { useSeverityLabel } from './options';

/** Which taxonomy labels the values of a field. */
const groupOfField: Record<string, CodeGroup> = {
  forms: 'forms',
  channel: 'channels',
  targets: 'targets',
  perpetratorType: 'perpetratorTypes',
  motive: 'motives',
  municipalProcess: 'municipalProcesses',
  impacts: 'impacts',
  domicilie: 'domicilie',
  status: 'statuses',
  reason: 'closeReasons',
};

function useFormatValue() {
  const { m, label, formatDateTime } = useI18n();
  const severityLabel = useSeverityLabel();
  const format = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return m.common.empty;
    if (Array.isArray(value)) return value.length ? value.map((v) => format(field, v)).join(', ') : m.common.empty;
    if (typeof value === 'boolean') return value ? m.common.yes : m.common.no;
    if (field === 'severity' && typeof value === 'number') return severityLabel(value);
    if (field === 'occurredAt' && typeof value === 'string') return formatDateTime(value);
    const group = groupOfField[field];
    if (group && typeof value === 'string') return label(group, value);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  };
  return format;
}

function EventDetails({ event }: { event: IncidentEvent }) {
  const { m } = useI18n();
  const format = useFormatValue();
  const labels = m.fields as unknown as Record<string, string>;
  const c = event.changes;
  if (event.kind === 'updated' || event.kind === 'status_changed') {
    const lines = Object.entries(c).flatMap(([field, value]) => {
      if (Array.isArray(value) && value.length === 2 && (event.kind === 'updated' || field === 'status')) {
        return [{ field, text: `${format(field, value[0])} → ${format(field, value[1])}` }];
      }
      return value === null || value === undefined ? [] : [{ field, text: format(field, value) }];
    });
    return (
      <ul className="utrecht-unordered-list wb-changes">
        {lines.map((l) => (
          <li key={l.field} className="utrecht-unordered-list__item">
            <span className="wb-change-field">{labels[l.field] ?? l.field}:</span> {l.text}
          </li>
        ))}
      </ul>
    );
  }
  if (event.kind === 'attachment_added' && typeof c['fileName'] === 'string') {
    return <Paragraph>{c['fileName']}</Paragraph>;
  }
  return null;
}

/** The incident's history, newest last, with every change's before and after. */
export function Timeline({ incidentId }: { incidentId: string }) {
  const { m, formatDateTime } = useI18n();
  const events = useIncidentEvents(incidentId);
  return (
    <section aria-labelledby="timeline-title" className="wb-section">
      <Heading level={2} id="timeline-title">
        {m.detail.timeline}
      </Heading>
      {events.isPending ? <Loading /> : null}
      {events.data && events.data.length === 0 ? <Paragraph>{m.detail.noEvents}</Paragraph> : null}
      {events.data && events.data.length > 0 ? (
        <ol className="wb-timeline" data-testid="timeline">
          {events.data.map((event) => (
            <li key={event.id} className="wb-timeline__item" data-kind={event.kind}>
              <p className="utrecht-paragraph wb-timeline__head">
                <strong>{m.detail.eventKinds[event.kind] ?? event.kind}</strong>{' '}
                <span className="wb-muted">
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
                  {m.detail.byActor(event.actor.displayName)}
                </span>
              </p>
              <EventDetails event={event} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
