import { useOfficeholders } from '../../api/admin';
import { usePoiHistory } from '../../api/pois';
import type { IncidentListItem } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, DataList, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError } from '../../ui/use-form-errors';
import { useSeverityLabel } from '../incidents/options';

type Props = { poiId: string; version: number; incidents: Map<string, IncidentListItem> };

/** Fixation (which officeholders, how often) and escalation over time, from the linked incidents. */
export function PoiHistorySection({ poiId, incidents }: Props) {
  const { m, label, formatDate } = useI18n();
  const t = m.pois;
  const severity = useSeverityLabel();
  const history = usePoiHistory(poiId);
  const officeholders = useOfficeholders(true);
  const nameOf = (id: string) => officeholders.data?.find((o) => o.id === id)?.fullName ?? id;
  const sev = (n: number | null) => (n === null ? m.common.empty : severity(n));
  return (
    <section aria-labelledby="poi-history" className="wb-section" data-testid="poi-history">
      <Heading level={2} id="poi-history">
        {t.history}
      </Heading>
      {history.isPending ? <Loading /> : null}
      {history.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(history.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {history.data && history.data.incidentCount === 0 ? <Paragraph>{t.noHistory}</Paragraph> : null}
      {history.data && history.data.incidentCount > 0 ? (
        <>
          <Heading level={3}>{t.fixation}</Heading>
          <Table caption={t.fixationCaption} cards>
            <THead>
              <Th>{t.officeholder}</Th>
              <Th>{t.incidentCount}</Th>
              <Th>{t.first}</Th>
              <Th>{t.last}</Th>
              <Th>{t.maxSeverity}</Th>
              <Th>{t.fixated}</Th>
            </THead>
            <TBody>
              {history.data.officeholders.map((o) => (
                <Tr key={o.officeholderId}>
                  <Td label={t.officeholder}>
                    <AppLink to={`/ambtsdragers/${o.officeholderId}`}>{nameOf(o.officeholderId)}</AppLink>
                  </Td>
                  <Td label={t.incidentCount}>{o.incidentCount}</Td>
                  <Td label={t.first}>{formatDate(o.firstAt)}</Td>
                  <Td label={t.last}>{formatDate(o.lastAt)}</Td>
                  <Td label={t.maxSeverity}>{severity(o.maxSeverity)}</Td>
                  <Td label={t.fixated}>
                    {o.isFixated ? <StatusBadge tone="danger">{t.fixatedYes}</StatusBadge> : t.fixatedNo}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Heading level={3}>{t.escalation}</Heading>
          <DataList
            items={[
              {
                key: t.trend,
                value: `${t.trends[history.data.escalation.severityTrend]}. ${t.severityRange(
                  sev(history.data.escalation.firstSeverity),
                  sev(history.data.escalation.lastSeverity),
                  sev(history.data.escalation.maxSeverity),
                )}`,
              },
              { key: t.onlineToPhysical, value: history.data.escalation.onlineToPhysical ? m.common.yes : m.common.no },
              { key: t.approachedHome, value: history.data.escalation.approachedHome ? m.common.yes : m.common.no },
            ]}
          />
          <Heading level={3}>{t.timeline}</Heading>
          <Table caption={t.timelineCaption} cards>
            <THead>
              <Th>{t.date}</Th>
              <Th>{t.incident}</Th>
              <Th>{t.officeholder}</Th>
              <Th>{t.severity}</Th>
              <Th>{t.forms}</Th>
              <Th>{t.channel}</Th>
              <Th>{t.role}</Th>
            </THead>
            <TBody>
              {history.data.timeline.map((x) => (
                <Tr key={x.incidentId}>
                  <Td label={t.date}>{formatDate(x.occurredAt)}</Td>
                  <Td label={t.incident}>
                    <AppLink to={`/meldingen/${x.incidentId}`}>
                      {incidents.get(x.incidentId)?.reference ?? x.incidentId}
                    </AppLink>
                  </Td>
                  <Td label={t.officeholder}>{nameOf(x.officeholderId)}</Td>
                  <Td label={t.severity}>{severity(x.severity)}</Td>
                  <Td label={t.forms}>{x.forms.map((f) => label('forms', f)).join(', ')}</Td>
                  <Td label={t.channel}>{label('channels', x.channel)}</Td>
                  <Td label={t.role}>{t.roles[x.role]}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
