import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createUser, useOrganisations } from '../../api/admin';
import type { Role } from '../../api/codes';
import { hasPermission, useSession, useTaxonomy } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from '../incidents/options';

const fields = ['organisationId', 'email', 'displayName', 'roles', 'password', 'locale'] as const;
type Draft = {
  organisationId: string;
  email: string;
  displayName: string;
  roles: string[];
  password: string;
  locale: 'nl' | 'en';
};

/** A new account; platform administrators choose the organisation, others create in their own. */
export function UserCreateForm() {
  const { m } = useI18n();
  const u = m.users;
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const isPlatformAdmin = hasPermission(session, 'organisations:manage');
  const organisations = useOrganisations(isPlatformAdmin);
  const taxonomy = useTaxonomy();
  const options = useCodeOptions();
  const blank = (): Draft => ({
    organisationId: isPlatformAdmin ? '' : (session?.organisation?.id ?? ''),
    email: '',
    displayName: '',
    roles: [],
    password: '',
    locale: 'nl',
  });
  const [draft, setDraft] = useState<Draft>(blank);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const set = (key: 'organisationId' | 'email' | 'displayName' | 'password') => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!draft.organisationId) problems['organisationId'] = u.organisationRequired;
    if (!/^\S+@\S+\.\S+$/.test(draft.email.trim())) problems['email'] = u.emailRequired;
    if (!draft.displayName.trim()) problems['displayName'] = u.nameRequired;
    if (draft.roles.length === 0) problems['roles'] = u.rolesRequired;
    if (!draft.password) problems['password'] = u.passwordRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const user = await createUser({
        ...draft,
        email: draft.email.trim(),
        displayName: draft.displayName.trim(),
        roles: draft.roles as Role[],
      });
      clear();
      setDraft(blank());
      setCreated(user.email);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const labels = {
    organisationId: u.organisation,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles,
    password: u.password,
    locale: u.locale,
  };
  return (
    <section aria-labelledby="user-new-title" className="wb-section wb-form-page">
      <Heading level={2} id="user-new-title">
        {u.new}
      </Heading>
      <ErrorSummary idPrefix="user" state={errors} labels={labels} />
      {created ? (
        <Alert type="ok">
          <Paragraph>{`${u.created} (${created})`}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="user-form">
        {isPlatformAdmin ? (
          <SelectField
            id="user-organisationId"
            label={u.organisation}
            value={draft.organisationId}
            onChange={set('organisationId')}
            placeholder={m.common.choose}
            options={(organisations.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
            error={errors.fields['organisationId']}
          />
        ) : (
          <Paragraph>
            {u.organisation}: {session?.organisation?.name}
          </Paragraph>
        )}
        <TextField
          id="user-email"
          type="email"
          label={u.email}
          value={draft.email}
          onChange={set('email')}
          autoComplete="off"
          error={errors.fields['email']}
        />
        <TextField
          id="user-displayName"
          label={u.displayName}
          value={draft.displayName}
          onChange={set('displayName')}
          autoComplete="off"
          maxLength={200}
          error={errors.fields['displayName']}
        />
        <CheckboxGroup
          id="user-roles"
          legend={u.roles}
          options={options('roles', taxonomy.data?.roles)}
          value={draft.roles}
          onChange={(roles) => setDraft((d) => ({ ...d, roles }))}
          error={errors.fields['roles']}
          columns
        />
        <TextField
          id="user-password"
          type="password"
          label={u.password}
          hint={u.passwordHint}
          value={draft.password}
          onChange={set('password')}
          autoComplete="new-password"
          error={errors.fields['password']}
        />
        <SelectField
          id="user-locale"
          label={u.locale}
          value={draft.locale}
          onChange={(e) => setDraft((d) => ({ ...d, locale: e.target.value === 'en' ? 'en' : 'nl' }))}
          options={[
            { value: 'nl', label: m.languages.nl },
            { value: 'en', label: m.languages.en },
          ]}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="user-create">
          {u.new}
        </Button>
      </form>
    </section>
  );
}
