import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { measureKeys, upsertPlan, type MeasurePlan, type PlanUpsert } from '../../api/measures';
import type { ShareTarget } from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { todayDate } from '../incidents/datetime';

const fields = [
  'executingOrganisationId',
  'contactName',
  'contactPhone',
  'street',
  'houseNumber',
  'postcode',
  'city',
  'household',
  'reviewDueAt',
] as const;
type Draft = Record<(typeof fields)[number], string>;

const draftOf = (p: MeasurePlan | null): Draft => ({
  executingOrganisationId: p?.executingOrganisationId ?? '',
  contactName: p?.contact?.name ?? '',
  contactPhone: p?.contact?.phone ?? '',
  street: p?.homeAddress?.street ?? '',
  houseNumber: p?.homeAddress?.houseNumber ?? '',
  postcode: p?.homeAddress?.postcode ?? '',
  city: p?.homeAddress?.city ?? '',
  household: (p?.household ?? []).map((h) => `${h.name}, ${h.relation}`).join('\n'),
  reviewDueAt: p?.reviewDueAt?.slice(0, 10) ?? '',
});

type Props = { officeholderId: string; plan: MeasurePlan | null; targets: ShareTarget[] };

/** Executing organisation, municipal contact, home address, household and review date of the plan. */
export function PlanSettingsForm({ officeholderId, plan, targets }: Props) {
  const { m } = useI18n();
  const t = m.protection.settings;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan));
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors([...fields, 'contact', 'homeAddress']);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const toInput = (): { input: PlanUpsert } | { problems: Record<string, string> } => {
    const problems: Record<string, string> = {};
    const address = [draft.street, draft.houseNumber, draft.postcode, draft.city].map((s) => s.trim());
    if (address.some(Boolean) && !address.every(Boolean)) problems['street'] = t.addressIncomplete;
    const contact = [draft.contactName.trim(), draft.contactPhone.trim()];
    if (contact.some(Boolean) && !contact.every(Boolean)) problems['contactName'] = t.contactIncomplete;
    const lines = draft.household
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const household = lines.map((l) => {
      const [name = '', ...rest] = l.split(',');
      return { name: name.trim(), relation: rest.join(',').trim() };
    });
    if (household.some((h) => !h.name || !h.relation)) problems['household'] = t.householdInvalid;
    if (Object.keys(problems).length > 0) return { problems };
    const [street = '', houseNumber = '', postcode = '', city = ''] = address;
    return {
      input: {
        executingOrganisationId: draft.executingOrganisationId || null,
        contact: contact[0] ? { name: contact[0], phone: contact[1] ?? '' } : null,
        homeAddress: street ? { street, houseNumber, postcode: postcode.toUpperCase(), city } : null,
        household,
        reviewDueAt: draft.reviewDueAt || null,
      },
    };
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = toInput();
    if ('problems' in checked) return fail(checked.problems);
    setBusy(true);
    setSaved(false);
    try {
      const next = await upsertPlan(officeholderId, checked.input);
      queryClient.setQueryData(measureKeys.plan(officeholderId), next);
      clear();
      setSaved(true);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const companies = targets.filter((o) => o.type === 'beveiligingsbedrijf');
  const labels: Record<string, string> = {
    executingOrganisationId: t.executor,
    contactName: t.contactName,
    contactPhone: t.contactPhone,
    contact: t.contactName,
    street: t.address,
    homeAddress: t.address,
    houseNumber: t.houseNumber,
    postcode: t.postcode,
    city: t.city,
    household: t.household,
    reviewDueAt: t.reviewDueAt,
  };
  const body = (
    <>
      <Paragraph>{t.intro}</Paragraph>
      <ErrorSummary idPrefix="plan" state={errors} labels={labels} />
      {saved ? (
        <Alert type="ok">
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="plan-settings-form">
        <SelectField
          id="plan-executingOrganisationId"
          label={t.executor}
          value={draft.executingOrganisationId}
          onChange={set('executingOrganisationId')}
          options={[{ value: '', label: t.noExecutor }, ...companies.map((c) => ({ value: c.id, label: c.name }))]}
          error={errors.fields['executingOrganisationId']}
        />
        <TextField
          id="plan-contactName"
          label={t.contactName}
          optionalText={m.common.optional}
          value={draft.contactName}
          onChange={set('contactName')}
          maxLength={200}
          error={errors.fields['contactName'] ?? errors.fields['contact']}
        />
        <TextField
          id="plan-contactPhone"
          type="tel"
          label={t.contactPhone}
          optionalText={m.common.optional}
          value={draft.contactPhone}
          onChange={set('contactPhone')}
          maxLength={30}
          error={errors.fields['contactPhone']}
        />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wb-section-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t.address} <span className="wb-optional">{m.common.optional}</span>
          </legend>
          <TextField
            id="plan-street"
            label={t.street}
            value={draft.street}
            onChange={set('street')}
            autoComplete="off"
            maxLength={200}
            error={errors.fields['street'] ?? errors.fields['homeAddress']}
          />
          <TextField
            id="plan-houseNumber"
            label={t.houseNumber}
            value={draft.houseNumber}
            onChange={set('houseNumber')}
            autoComplete="off"
            maxLength={20}
            error={errors.fields['houseNumber']}
          />
          <TextField
            id="plan-postcode"
            label={t.postcode}
            value={draft.postcode}
            onChange={set('postcode')}
            autoComplete="off"
            maxLength={10}
            error={errors.fields['postcode']}
          />
          <TextField
            id="plan-city"
            label={t.city}
            value={draft.city}
            onChange={set('city')}
            autoComplete="off"
            maxLength={100}
            error={errors.fields['city']}
          />
        </fieldset>
        <TextAreaField
          id="plan-household"
          label={t.household}
          hint={t.householdHint}
          optionalText={m.common.optional}
          value={draft.household}
          onChange={set('household')}
          rows={3}
          error={errors.fields['household']}
        />
        <TextField
          id="plan-reviewDueAt"
          type="date"
          label={t.reviewDueAt}
          optionalText={m.common.optional}
          min={todayDate()}
          value={draft.reviewDueAt}
          onChange={set('reviewDueAt')}
          error={errors.fields['reviewDueAt']}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="plan-settings-save">
          {plan ? t.submit : t.create}
        </Button>
      </form>
    </>
  );
  return (
    <section aria-labelledby="plan-settings-title" className="wb-section" data-testid="plan-settings">
      <Heading level={2} id="plan-settings-title">
        {t.title}
      </Heading>
      {plan ? (
        <details className="wb-panel">
          <summary className="wb-disclosure">{t.edit}</summary>
          {body}
        </details>
      ) : (
        body
      )}
    </section>
  );
}
