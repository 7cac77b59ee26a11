import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { incidentKeys, useIncident } from '../../api/incidents';
import { hasPermission, useSession } from '../../api/session';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { GrantsSection } from '../sharing/GrantsSection';
import { usePartLabel } from '../sharing/parts';
import { TlpBadge } from '../sharing/TlpBadge';
import { TlpControl } from '../sharing/TlpControl';
import { AccessReasonForm } from './AccessReasonForm';
import { AttachmentList } from './AttachmentList';
import { EvidenceUpload } from './EvidenceUpload';
import { IncidentEditForm } from './IncidentEditForm';
import { IncidentFacts } from './IncidentFacts';
import { IncidentStatusBadge } from './IncidentTable';
import { StatusControl } from './StatusControl';
import { Timeline } from './Timeline';

/** One incident: its facts, evidence and timeline; for advisers also status and the full edit form. */
export function IncidentDetailPage() {
  const { incidentId = '' } = useParams();
  const { m, label } = useI18n();
  const partLabel = usePartLabel();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const incident = useIncident(incidentId);
  // A record seen through a sharing grant is read-only here; its owner manages it.
  const isShared = incident.data?.access?.via === 'grant';
  const canManage = hasPermission(session, 'incidents:manage') && !isShared;
  const canReport = hasPermission(session, 'incidents:report');
  // Only the owner organisation shares; a grant cannot be passed on.
  const canShare = hasPermission(session, 'sharing:manage') && incident.data?.access?.via === 'organisation';
  const canReadAudit = hasPermission(session, 'audit:read');
  const title = incident.data ? `${m.nav.incidents}: ${incident.data.reference}` : m.nav.incidents;
  usePageTitle(title);
  const isReasonRequired = incident.error instanceof ApiError && incident.error.code === 'reason_required';
  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: incidentKeys.one(incidentId) });
    void queryClient.invalidateQueries({ queryKey: incidentKeys.events(incidentId) });
  };

  return (
    <>
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/meldingen">← {m.detail.back}</AppLink>
      </p>
      {incident.isPending ? <Loading /> : null}
      {isReasonRequired ? <AccessReasonForm incidentId={incidentId} onGiven={reload} /> : null}
      {incident.isError && !isReasonRequired ? (
        <>
          <Heading level={1}>{m.nav.incidents}</Heading>
          <Alert type="error">
            <Paragraph>{describeApiError(incident.error, m)}</Paragraph>
          </Alert>
        </>
      ) : null}
      {incident.data ? (
        <div className="wb-detail">
          <div className="wb-title-row">
            <Heading level={1} data-testid="incident-title">
              {incident.data.reference}
            </Heading>
            <span className="wb-badges">
              {incident.data.tlp ? <TlpBadge tlp={incident.data.tlp} /> : null}
              <IncidentStatusBadge status={incident.data.status} />
            </span>
          </div>
          {canReadAudit ? (
            <p className="utrecht-paragraph">
              <AppLink
                to={`/fg/audit?objectType=incident&objectId=${encodeURIComponent(incident.data.id)}`}
                aria-label={m.audit.openIncidentLogLabel(incident.data.reference)}
                data-testid="incident-audit-link"
              >
                {m.audit.openIncidentLog}
              </AppLink>
            </p>
          ) : null}
          {isShared && incident.data.access ? (
            <div data-testid="shared-notice">
              <Alert type="info" live={false}>
                <Paragraph>{m.shared.readOnly(incident.data.access.sharedBy ?? m.common.empty)}</Paragraph>
                {incident.data.access.purpose ? (
                  <Paragraph>{m.shared.purpose(label('sharingPurposes', incident.data.access.purpose))}</Paragraph>
                ) : null}
                <Paragraph>
                  {m.shared.parts(incident.data.access.parts.map(partLabel).join(', '))}{' '}
                  {incident.data.access.masked.length > 0 ? m.shared.maskedNote : null}
                </Paragraph>
              </Alert>
            </div>
          ) : null}
          <p className="utrecht-paragraph utrecht-paragraph--lead wb-summary">{incident.data.summary}</p>
          <div className="wb-detail__columns">
            <div>
              <IncidentFacts incident={incident.data} />
              <AttachmentList incident={incident.data} />
              {canReport && !isShared ? <EvidenceUpload incidentId={incident.data.id} /> : null}
            </div>
            <div>
              {canManage ? <TlpControl record={incident.data} /> : null}
              {canManage ? <StatusControl incident={incident.data} onConflict={reload} /> : null}
              {/* The timeline (before/after values of every field) is for the owner organisation only. */}
              {isShared ? null : <Timeline incidentId={incident.data.id} />}
            </div>
          </div>
          {canShare ? <GrantsSection record={incident.data} /> : null}
          {canManage ? (
            <div className="wb-detail__edit">
              <IncidentEditForm incident={incident.data} onConflict={reload} />
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
