import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { createOfficeholder, updateOfficeholder, useOfficeholders } from '../../api/admin';
import type { Office } from '../../api/codes';
import { useTaxonomy } from '../../api/session';
import type { Officeholder, OfficeholderInput } from '../../api/types';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { usePageTitle } from '../../ui/use-page-title';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from '../incidents/options';

const fields = ['fullName', 'office', 'party', 'portfolio', 'email', 'phone', 'userId', 'active'] as const;
type Draft = Record<'fullName' | 'office' | 'party' | 'portfolio' | 'email' | 'phone' | 'userId', string> & {
  active: boolean;
};

const draftOf = (h: Officeholder | undefined): Draft => ({
  fullName: h?.fullName ?? '',
  office: h?.office ?? '',
  party: h?.party ?? '',
  portfolio: h?.portfolio ?? '',
  email: h?.email ?? '',
  phone: h?.phone ?? '',
  userId: h?.userId ?? '',
  active: h?.active ?? true,
});
const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);

/** Create (/ambtsdragers/nieuw) or edit (/ambtsdragers/:id) an officeholder. */
export function OfficeholderEditPage() {
  const { officeholderId } = useParams();
  const list = useOfficeholders(true);
  const existing = list.data?.find((h) => h.id === officeholderId);
  if (officeholderId && list.isPending) return <Loading />;
  return (
    <OfficeholderForm key={existing?.id ?? 'new'} existing={existing} missing={Boolean(officeholderId && !existing)} />
  );
}

function OfficeholderForm({ existing, missing }: { existing: Officeholder | undefined; missing: boolean }) {
  const { m } = useI18n();
  const o = m.officeholders;
  const title = existing ? o.editTitle(existing.fullName) : o.new;
  usePageTitle(title);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const options = useCodeOptions();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  if (missing) {
    return (
      <Alert type="error">
        <Paragraph>{m.app.notFoundText}</Paragraph>
      </Alert>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.fullName.trim().length < 2) problems['fullName'] = o.nameRequired;
    if (!draft.office) problems['office'] = o.officeRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    const input: OfficeholderInput = {
      fullName: draft.fullName.trim(),
      office: draft.office as Office,
      party: orNull(draft.party),
      portfolio: orNull(draft.portfolio),
      email: orNull(draft.email),
      phone: orNull(draft.phone),
      userId: orNull(draft.userId),
      ...(existing ? { active: draft.active } : {}),
    };
    setBusy(true);
    try {
      if (existing) await updateOfficeholder(existing.id, input);
      else await createOfficeholder(input);
      await queryClient.invalidateQueries({ queryKey: ['officeholders'] });
      navigate('/ambtsdragers');
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };

  const labels = {
    fullName: o.fullName,
    office: o.office,
    party: o.party,
    portfolio: o.portfolio,
    email: o.email,
    phone: o.phone,
    userId: o.userId,
    active: o.active,
  };
  return (
    <div className="wb-form-page">
      <p className="utrecht-paragraph wb-back">
        <AppLink to="/ambtsdragers">← {o.back}</AppLink>
      </p>
      <Heading level={1}>{title}</Heading>
      <ErrorSummary idPrefix="officeholder" state={errors} labels={labels} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="officeholder-form">
        <TextField
          id="officeholder-fullName"
          label={o.fullName}
          value={draft.fullName}
          onChange={set('fullName')}
          autoComplete="off"
          maxLength={200}
          error={errors.fields['fullName']}
          required
        />
        <SelectField
          id="officeholder-office"
          label={o.office}
          value={draft.office}
          onChange={set('office')}
          placeholder={m.common.choose}
          options={options('offices', taxonomy.data?.offices)}
          error={errors.fields['office']}
          required
        />
        <TextField
          id="officeholder-party"
          label={o.party}
          optionalText={m.common.optional}
          value={draft.party}
          onChange={set('party')}
          maxLength={100}
          error={errors.fields['party']}
        />
        <TextField
          id="officeholder-portfolio"
          label={o.portfolio}
          optionalText={m.common.optional}
          value={draft.portfolio}
          onChange={set('portfolio')}
          maxLength={500}
          error={errors.fields['portfolio']}
        />
        <TextField
          id="officeholder-email"
          type="email"
          label={o.email}
          optionalText={m.common.optional}
          value={draft.email}
          onChange={set('email')}
          autoComplete="off"
          error={errors.fields['email']}
        />
        <TextField
          id="officeholder-phone"
          type="tel"
          label={o.phone}
          optionalText={m.common.optional}
          value={draft.phone}
          onChange={set('phone')}
          autoComplete="off"
          error={errors.fields['phone']}
        />
        <TextField
          id="officeholder-userId"
          label={o.userId}
          hint={o.userIdHint}
          optionalText={m.common.optional}
          value={draft.userId}
          onChange={set('userId')}
          autoComplete="off"
          spellCheck={false}
          error={errors.fields['userId']}
        />
        {existing ? (
          <CheckboxField
            id="officeholder-active"
            label={o.active}
            checked={draft.active}
            onChange={(v) => setDraft((d) => ({ ...d, active: v }))}
          />
        ) : null}
        <div className="wb-actions">
          <Button type="submit" variant="primary" busy={busy} data-testid="officeholder-save">
            {m.common.save}
          </Button>
          <Button variant="subtle" onClick={() => navigate('/ambtsdragers')}>
            {m.common.cancel}
          </Button>
        </div>
      </form>
    </div>
  );
}
