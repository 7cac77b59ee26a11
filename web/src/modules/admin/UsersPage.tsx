import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useUsers } from '../../api/admin';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { Pagination } from '../../ui/Pagination';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError } from '../../ui/use-form-errors';
import { UserCreateForm } from './UserCreateForm';
import { UserManagePanel } from './UserManagePanel';

/** Account administration: list, create, and manage one account at a time. */
export function UsersPage() {
  const { m, label } = useI18n();
  const u = m.users;
  usePageTitle(u.title);
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useUsers(page);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = list.data?.items.find((x) => x.id === selectedId);
  useEffect(() => {
    if (selectedId) document.getElementById('user-manage-title')?.focus();
  }, [selectedId]);

  return (
    <>
      <Heading level={1}>{u.title}</Heading>
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(list.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {selected ? <UserManagePanel key={selected.id} user={selected} onClose={() => setSelectedId(null)} /> : null}
      {list.data ? (
        <>
          <Table caption={u.caption} testId="user-table">
            <THead>
              <Th>{u.displayName}</Th>
              <Th>{u.email}</Th>
              <Th>{u.roles}</Th>
              <Th>{u.mfa}</Th>
              <Th>{m.fields.status}</Th>
              <Th>{m.common.actions}</Th>
            </THead>
            <TBody>
              {list.data.items.map((user) => (
                <Tr key={user.id}>
                  <Td>{user.displayName}</Td>
                  <Td>{user.email}</Td>
                  <Td>{user.roles.map((r) => label('roles', r)).join(', ')}</Td>
                  <Td>{user.mfaEnrolled ? u.mfaOn : u.mfaOff}</Td>
                  <Td>
                    <StatusBadge tone={user.active ? 'success' : 'inactive'}>
                      {user.active ? m.common.active : m.common.inactive}
                    </StatusBadge>
                    {user.locked ? <StatusBadge tone="danger">{u.locked}</StatusBadge> : null}
                  </Td>
                  <Td>
                    <Button variant="secondary" onClick={() => setSelectedId(user.id)}>
                      {u.manageShort}
                      <span className="wb-visually-hidden"> {user.displayName}</span>
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            hrefFor={(n) => `?page=${n}`}
          />
        </>
      ) : null}
      <UserCreateForm />
    </>
  );
}
