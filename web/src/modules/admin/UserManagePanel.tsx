import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { updateUser } from '../../api/admin';
import type { Role } from '../../api/codes';
import { useTaxonomy } from '../../api/session';
import type { User, UserUpdate } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from '../incidents/options';

const fields = ['roles', 'active', 'resetMfa', 'unlock'] as const;

/** Roles, (de)activation, second-factor reset and unlock for one account. */
export function UserManagePanel({ user, onClose }: { user: User; onClose: () => void }) {
  const { m } = useI18n();
  const u = m.users;
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const options = useCodeOptions();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);

  const run = async (action: string, change: UserUpdate) => {
    setBusy(action);
    setDone(false);
    try {
      await updateUser(user.id, change);
      clear();
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="user-manage-title" className="wb-section wb-panel" data-testid="user-manage">
      <Heading level={2} id="user-manage-title" tabIndex={-1}>
        {u.manageTitle(user.displayName)}
      </Heading>
      <ErrorSummary idPrefix="manage" state={errors} labels={{ roles: u.roles }} />
      {done ? (
        <Alert type="ok">
          <Paragraph>{u.updated}</Paragraph>
        </Alert>
      ) : null}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (roles.length === 0) return fail({ roles: u.rolesRequired });
          void run('roles', { roles: roles as Role[] });
        }}
      >
        <CheckboxGroup
          id="manage-roles"
          legend={u.roles}
          options={options('roles', taxonomy.data?.roles)}
          value={roles}
          onChange={setRoles}
          error={errors.fields['roles']}
          columns
        />
        <Button type="submit" variant="primary" busy={busy === 'roles'}>
          {u.saveRoles}
        </Button>
      </form>
      <div className="wb-actions">
        <Button
          variant="secondary"
          busy={busy === 'active'}
          onClick={() => void run('active', { active: !user.active })}
        >
          {user.active ? u.deactivate : u.activate}
        </Button>
        <Button variant="secondary" busy={busy === 'mfa'} onClick={() => void run('mfa', { resetMfa: true })}>
          {u.resetMfa}
        </Button>
        {user.locked ? (
          <Button variant="secondary" busy={busy === 'unlock'} onClick={() => void run('unlock', { unlock: true })}>
            {u.unlock}
          </Button>
        ) : null}
        <Button variant="subtle" onClick={onClose}>
          {m.common.close}
        </Button>
      </div>
    </section>
  );
}
