import type { IncidentStatus } from '../../api/codes';
import type { IncidentListItem } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { AppLink, StatusBadge } from '../../ui/Typography';
import { TlpBadge } from '../sharing/TlpBadge';
import { useSeverityLabel } from './options';

const statusTone: Record<IncidentStatus, 'active' | 'warning' | 'success'> = {
  gemeld: 'active',
  in_behandeling: 'warning',
  afgehandeld: 'success',
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { label } = useI18n();
  return <StatusBadge tone={statusTone[status] ?? 'neutral'}>{label('statuses', status)}</StatusBadge>;
}

/** The incident list; on a phone each row becomes a card. */
export function IncidentTable({ items, showOfficeholder }: { items: IncidentListItem[]; showOfficeholder: boolean }) {
  const { m, label, formatDateTime } = useI18n();
  const severityLabel = useSeverityLabel();
  const f = m.fields;
  return (
    <Table caption={m.list.caption} cards testId="incident-table">
      <THead>
        <Th>{f.reference}</Th>
        <Th>{f.date}</Th>
        {showOfficeholder ? <Th>{f.officeholder}</Th> : null}
        <Th>{f.forms}</Th>
        <Th>{f.channel}</Th>
        <Th>{f.severity}</Th>
        <Th>{f.status}</Th>
      </THead>
      <TBody>
        {items.map((item) => (
          <Tr key={item.id} testId="incident-row">
            <Td label={f.reference}>
              <AppLink to={`/meldingen/${item.id}`} data-testid="incident-link">
                {item.reference}
              </AppLink>
              <span className="wb-row-summary">{item.summary}</span>
              {item.tlp || item.sharedBy ? (
                <span className="wb-row-badges">
                  {item.tlp ? <TlpBadge tlp={item.tlp} /> : null}
                  {item.sharedBy ? (
                    <span className="wb-shared-by" data-testid="incident-shared-by">
                      {m.shared.listSharedBy(item.sharedBy)}
                    </span>
                  ) : null}
                </span>
              ) : null}
            </Td>
            <Td label={f.date}>{formatDateTime(item.occurredAt)}</Td>
            {showOfficeholder ? (
              <Td label={f.officeholder}>
                {item.officeholder.fullName}
                <span className="wb-muted"> ({label('offices', item.officeholder.office)})</span>
              </Td>
            ) : null}
            <Td label={f.forms}>{item.forms.map((code) => label('forms', code)).join(', ')}</Td>
            <Td label={f.channel}>{label('channels', item.channel)}</Td>
            <Td label={f.severity}>{severityLabel(item.severity)}</Td>
            <Td label={f.status}>
              <IncidentStatusBadge status={item.status} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
