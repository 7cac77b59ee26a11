import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { usePoi } from '../../api/pois';
import { useIncidents } from '../../api/incidents';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, DataList, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { PoiForm } from './PoiForm';
import { AccessReasonForm } from '../incidents/AccessReasonForm';
import { ApiError } from '../../api/client';
import { PoiHistorySection } from './PoiHistorySection';
import { PoiLinkForm } from './PoiLinkForm';
import { PoiPhotosSection } from './PoiPhotosSection';
import { TlpBadge } from '../sharing/TlpBadge';
import { TlpControl } from '../sharing/TlpControl';
import { hasPermission, useSession } from '../../api/session';

/** A new person of interest (/personen/nieuw) or one person with incidents and history (/personen/:poiId). */
export function PoiDetailPage() {
  const { poiId } = useParams();
  if (!poiId || poiId === 'nieuw') return <NewPoi />;
  return <PoiDetail key={poiId} poiId={poiId} />;
}

function NewPoi() {
  const { m } = useI18n();
  usePageTitle(m.pois.newTitle);
  return (
    <div className="wb-form-page">
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/personen">← {m.pois.back}</AppLink>
      </p>
      <Heading level={1}>{m.pois.newTitle}</Heading>
      <PoiForm />
    </div>
  );
}

function PoiDetail({ poiId }: { poiId: string }) {
  const { m, label, formatDate } = useI18n();
  const t = m.pois;
  const poi = usePoi(poiId);
  const { data: session } = useSession();
  const incidents = useIncidents({ pageSize: 200 });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  usePageTitle(poi.data?.displayName ?? t.title);
  if (poi.isPending) return <Loading />;
  // A person shared by another organisation asks why you open it, once a session.
  if (poi.error instanceof ApiError && poi.error.code === 'reason_required') {
    return <AccessReasonForm incidentId={poiId} recordType="poi" onGiven={() => void poi.refetch()} />;
  }
  if (poi.isError) {
    return (
      <Alert type="error">
        <Paragraph>{describeApiError(poi.error, m)}</Paragraph>
      </Alert>
    );
  }
  const p = poi.data;
  const byId = new Map((incidents.data?.items ?? []).map((i) => [i.id, i]));
  // A person shared by another organisation is read-only here and has no history of ours.
  const isShared = p.access?.via === 'grant';
  return (
    <>
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/personen">← {t.back}</AppLink>
      </p>
      <div className="wb-title-row">
        <Heading level={1} data-testid="poi-title">
          {p.displayName}
        </Heading>
        {p.tlp ? <TlpBadge tlp={p.tlp} /> : null}
        {isShared ? null : (
          <Button onClick={() => setEditing((x) => !x)} aria-expanded={editing} data-testid="poi-edit">
            {editing ? m.common.cancel : t.edit}
          </Button>
        )}
      </div>
      {isShared && p.access?.sharedBy ? (
        <Alert type="info">
          <Paragraph data-testid="poi-shared-notice">
            {m.detail.sharedBy(p.access.sharedBy)} — {m.detail.masked}
          </Paragraph>
        </Alert>
      ) : null}
      {saved ? (
        <Alert type="ok">
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      ) : null}
      {editing ? (
        <section aria-label={t.editTitle(p.displayName)} className="wb-section wb-form-page">
          <PoiForm
            existing={p}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
            }}
          />
        </section>
      ) : (
        <section aria-labelledby="poi-details" className="wb-section">
          <Heading level={2} id="poi-details">
            {t.details}
          </Heading>
          <DataList
            items={[
              { key: t.names, value: p.names.length ? p.names.join(', ') : m.common.empty },
              { key: t.birthDate, value: formatDate(p.birthDate) },
              {
                key: t.handles,
                value: p.onlineHandles.length
                  ? p.onlineHandles.map((h) => `${h.platform}: ${h.handle}`).join('; ')
                  : m.common.empty,
              },
              {
                key: t.addresses,
                value: p.addresses.length
                  ? p.addresses.map((a) => `${a.street} ${a.houseNumber}, ${a.postcode} ${a.city}`).join('; ')
                  : m.common.empty,
              },
              { key: t.notes, value: p.notes || m.common.empty, multiline: true },
            ]}
          />
        </section>
      )}
      <section aria-labelledby="poi-incidents" className="wb-section">
        <Heading level={2} id="poi-incidents">
          {t.incidents}
        </Heading>
        {p.incidents.length === 0 ? <Paragraph>{t.noIncidents}</Paragraph> : null}
        {p.incidents.length > 0 ? (
          <Table caption={t.incidents} cards testId="poi-incidents">
            <THead>
              <Th>{t.incident}</Th>
              <Th>{t.role}</Th>
              <Th>{t.linkedAt}</Th>
            </THead>
            <TBody>
              {p.incidents.map((l) => {
                const incident = byId.get(l.incidentId);
                return (
                  <Tr key={l.incidentId}>
                    <Td label={t.incident}>
                      <AppLink to={`/meldingen/${l.incidentId}`}>{incident?.reference ?? l.incidentId}</AppLink>
                      {incident ? ` – ${label('forms', incident.forms[0])}, ${incident.officeholder.fullName}` : ''}
                    </Td>
                    <Td label={t.role}>{t.roles[l.role]}</Td>
                    <Td label={t.linkedAt}>{formatDate(l.linkedAt)}</Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        ) : null}
        {isShared ? null : <PoiLinkForm poi={p} incidents={incidents.data?.items ?? []} />}
      </section>
      {isShared ? null : <PoiHistorySection poiId={p.id} version={p.version + p.incidents.length} incidents={byId} />}
      {isShared ? null : <PoiPhotosSection poiId={p.id} name={p.displayName} />}
      {isShared || !hasPermission(session, 'pois:manage') ? null : <TlpControl record={p} recordType="poi" />}
    </>
  );
}
