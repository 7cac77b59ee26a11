import { hasPermission, useSession } from '../../api/session';
import { useIncidents } from '../../api/incidents';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { useSeverityLabel } from '../incidents/options';
import { OpenTasks } from './OpenTasks';
import { ThreatHistory } from './ThreatHistory';

const shown = 50;

/** Incidents on a timeline, the threat level over time and the user's open tasks for this officeholder. */
export function OverviewTab({ officeholderId, planId }: { officeholderId: string; planId: string | null }) {
  const { m } = useI18n();
  const { data: session } = useSession();
  return (
    <>
      <IncidentTimeline officeholderId={officeholderId} />
      {hasPermission(session, 'threats:read') ? <ThreatHistory officeholderId={officeholderId} /> : null}
      <OpenTasks subjectIds={[officeholderId, ...(planId ? [planId] : [])]} title={m.protection.officeholder.tasks} />
    </>
  );
}

function IncidentTimeline({ officeholderId }: { officeholderId: string }) {
  const { m, label, formatDateTime } = useI18n();
  const t = m.protection.officeholder;
  const severity = useSeverityLabel();
  const incidents = useIncidents({ officeholderId, pageSize: shown });
  return (
    <section aria-labelledby="oh-incidents-title" className="wb-section">
      <Heading level={2} id="oh-incidents-title">
        {t.incidents}
      </Heading>
      <Paragraph>{t.incidentsIntro}</Paragraph>
      {incidents.isPending ? <Loading /> : null}
      {incidents.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(incidents.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {incidents.data && incidents.data.items.length === 0 ? <Paragraph>{t.noIncidents}</Paragraph> : null}
      {incidents.data && incidents.data.items.length > 0 ? (
        <ol className="wb-timeline wb-incident-line" data-testid="officeholder-incidents">
          {incidents.data.items.map((i) => (
            <li key={i.id} className="wb-timeline__item" data-severity={i.severity ?? undefined}>
              <p className="utrecht-paragraph wb-timeline__head">
                <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt)}</time>
                {' · '}
                <AppLink to={`/meldingen/${i.id}`}>{i.reference}</AppLink>
              </p>
              <p className="utrecht-paragraph">{i.summary}</p>
              <p className="utrecht-paragraph wb-muted">
                {[
                  i.forms.map((f) => label('forms', f)).join(', '),
                  label('channels', i.channel),
                  i.severity ? `${m.fields.severity}: ${severity(i.severity)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      {incidents.data && incidents.data.total > incidents.data.items.length ? (
        <Paragraph>
          {t.moreIncidents(incidents.data.items.length, incidents.data.total)}{' '}
          <AppLink to={`/meldingen?officeholderId=${encodeURIComponent(officeholderId)}`}>{t.allIncidents}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
