import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { adminKeys, createOrganisation, updateOrganisation, useOrganisations } from '../../api/admin';
import { useTaxonomy } from '../../api/session';
import type { Organisation } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from '../incidents/options';

const fields = ['slug', 'name', 'type'] as const;
const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function CreateOrganisationForm() {
  const { m } = useI18n();
  const o = m.organisations;
  const queryClient = useQueryClient();
  const options = useCodeOptions();
  const taxonomy = useTaxonomy();
  const [draft, setDraft] = useState({ slug: '', name: '', type: '' });
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!slugPattern.test(draft.slug) || draft.slug.length < 2) problems['slug'] = o.slugInvalid;
    if (draft.name.trim().length < 2) problems['name'] = o.nameRequired;
    if (!draft.type) problems['type'] = m.common.choose;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const organisation = await createOrganisation({ slug: draft.slug, name: draft.name.trim(), type: draft.type });
      clear();
      setDraft({ slug: '', name: '', type: '' });
      setCreated(organisation.name);
      await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="org-new-title" className="wb-section wb-form-page">
      <Heading level={2} id="org-new-title">
        {o.new}
      </Heading>
      <ErrorSummary idPrefix="org" state={errors} labels={{ slug: o.slug, name: o.name, type: o.type }} />
      {created ? (
        <Alert type="ok">
          <Paragraph>{`${o.created} (${created})`}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="organisation-form">
        <TextField
          id="org-slug"
          label={o.slug}
          hint={o.slugHint}
          value={draft.slug}
          onChange={set('slug')}
          maxLength={60}
          spellCheck={false}
          autoComplete="off"
          error={errors.fields['slug']}
        />
        <TextField
          id="org-name"
          label={o.name}
          value={draft.name}
          onChange={set('name')}
          maxLength={200}
          autoComplete="off"
          error={errors.fields['name']}
        />
        <SelectField
          id="org-type"
          label={o.type}
          value={draft.type}
          onChange={set('type')}
          placeholder={m.common.choose}
          options={options('organisationTypes', taxonomy.data?.organisationTypes)}
          error={errors.fields['type']}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {m.common.save}
        </Button>
      </form>
    </section>
  );
}

function ActiveToggle({ organisation }: { organisation: Organisation }) {
  const { m } = useI18n();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      await updateOrganisation(organisation.id, { active: !organisation.active });
      await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
    } catch (e) {
      setError(describeApiError(e, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" busy={busy} onClick={() => void toggle()}>
        {organisation.active
          ? m.organisations.deactivate(organisation.name)
          : m.organisations.activate(organisation.name)}
      </Button>
      {error ? (
        <span role="alert" className="wb-inline-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** Platform administrators: organisations on the platform. */
export function OrganisationsPage() {
  const { m, label, formatDate } = useI18n();
  const o = m.organisations;
  usePageTitle(o.title);
  const list = useOrganisations();
  return (
    <>
      <Heading level={1}>{o.title}</Heading>
      {list.isPending ? <Loading /> : null}
      {list.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(list.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {list.data ? (
        <Table caption={o.caption} testId="organisation-table">
          <THead>
            <Th>{o.name}</Th>
            <Th>{o.slug}</Th>
            <Th>{o.type}</Th>
            <Th>{m.fields.date}</Th>
            <Th>{m.fields.status}</Th>
            <Th>{m.common.actions}</Th>
          </THead>
          <TBody>
            {list.data.map((org) => (
              <Tr key={org.id}>
                <Td>{org.name}</Td>
                <Td>
                  <code>{org.slug}</code>
                </Td>
                <Td>{label('organisationTypes', org.type)}</Td>
                <Td>{formatDate(org.createdAt)}</Td>
                <Td>
                  <StatusBadge tone={org.active ? 'success' : 'inactive'}>
                    {org.active ? m.common.active : m.common.inactive}
                  </StatusBadge>
                </Td>
                <Td>
                  <ActiveToggle organisation={org} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
      <CreateOrganisationForm />
    </>
  );
}
