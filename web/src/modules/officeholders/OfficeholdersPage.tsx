import { useState } from 'react';
import { useOfficeholders } from '../../api/admin';
import { hasPermission, useSession } from '../../api/session';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { ButtonLink } from '../../ui/Button';
import { CheckboxField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';

/** The organisation's officeholders with their incident counts. */
export function OfficeholdersPage() {
  const { m, label, formatDate } = useI18n();
  const o = m.officeholders;
  usePageTitle(o.title);
  const { data: session } = useSession();
  const canManage = hasPermission(session, 'officeholders:manage');
  const [showInactive, setShowInactive] = useState(false);
  const list = useOfficeholders(showInactive);
  return (
    <>
      <div className="wb-title-row">
        <Heading level={1}>{o.title}</Heading>
        {canManage ? (
          <ButtonLink to="/ambtsdragers/nieuw" variant="primary" data-testid="officeholder-new">
            {o.new}
          </ButtonLink>
        ) : null}
      </div>
      <Paragraph>{o.intro}</Paragraph>
      <CheckboxField
        id="officeholders-inactive"
        label={o.showInactive}
        checked={showInactive}
        onChange={setShowInactive}
      />
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(list.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {list.data && list.data.length === 0 ? <Paragraph>{o.empty}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <Table caption={o.caption} cards testId="officeholder-table">
          <THead>
            <Th>{o.fullName}</Th>
            <Th>{o.office}</Th>
            <Th>{o.party}</Th>
            <Th>{o.portfolio}</Th>
            <Th>{o.incidentCount}</Th>
            <Th>{o.lastIncident}</Th>
            <Th>{m.fields.status}</Th>
          </THead>
          <TBody>
            {list.data.map((h) => (
              <Tr key={h.id} testId="officeholder-row">
                <Td label={o.fullName}>
                  <AppLink to={`/ambtsdragers/${h.id}`}>{h.fullName}</AppLink>
                </Td>
                <Td label={o.office}>{label('offices', h.office)}</Td>
                <Td label={o.party}>{h.party ?? m.common.empty}</Td>
                <Td label={o.portfolio}>{h.portfolio ?? m.common.empty}</Td>
                <Td label={o.incidentCount}>{h.incidentCount}</Td>
                <Td label={o.lastIncident}>{formatDate(h.lastIncidentAt)}</Td>
                <Td label={m.fields.status}>
                  <StatusBadge tone={h.active ? 'success' : 'inactive'}>
                    {h.active ? m.common.active : m.common.inactive}
                  </StatusBadge>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </>
  );
}
