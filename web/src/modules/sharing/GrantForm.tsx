import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { incidentParts, sharingPurposes, type SharingPurpose } from '../../api/codes';
import { useSession, useTaxonomy } from '../../api/session';
import {
  createRecordGrant,
  sharingKeys,
  useShareTargets,
  useShareTargetUsers,
  type SharedRecord,
  type SharedRecordType,
} from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from '../incidents/options';

const fields = ['granteeOrganisationId', 'namedUserIds', 'purpose', 'legalBasis', 'parts', 'expiresAt'] as const;

/** A date `days` from today as YYYY-MM-DD in local time. */
function localDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const officeholderParts = ['kern', 'contact', 'woning'] as const;

/** Shares a record: organisation (and optionally named people) × purpose × legal basis × parts × expiry. */
export function GrantForm({
  record,
  recordType = 'incident',
  onCreated,
}: {
  record: SharedRecord;
  recordType?: SharedRecordType;
  onCreated: (organisation: string) => void;
}) {
  const { m, label } = useI18n();
  const s = m.sharing;
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const taxonomy = useTaxonomy();
  const options = useCodeOptions();
  const targets = useShareTargets();
  const [org, setOrg] = useState('');
  const users = useShareTargetUsers(org);
  const [people, setPeople] = useState<string[]>([]);
  const [purpose, setPurpose] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [parts, setParts] = useState<string[]>([]);
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);
  const ownOrg = session?.organisation?.id ?? record.organisationId;
  const isOwn = org !== '' && org === ownOrg;
  const isRed = record.tlp === 'RED';
  const peopleRequired = isRed || isOwn;
  const minDate = localDate(1);
  const maxDate = localDate(365);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!org) problems['granteeOrganisationId'] = s.organisationRequired;
    if (org && isRed && people.length === 0) problems['namedUserIds'] = s.peopleRequiredRed;
    else if (isOwn && people.length === 0) problems['namedUserIds'] = s.peopleRequiredOwn;
    if (!purpose) problems['purpose'] = s.purposeRequired;
    if (legalBasis.trim().length < 3) problems['legalBasis'] = s.legalBasisRequired;
    if (!expires) problems['expiresAt'] = s.expiresRequired;
    else if (expires < minDate) problems['expiresAt'] = s.expiresPast;
    else if (expires > maxDate) problems['expiresAt'] = s.expiresTooFar;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const grant = await createRecordGrant(recordType, record.id, {
        granteeOrganisationId: org,
        namedUserIds: people,
        purpose: purpose as SharingPurpose,
        legalBasis: legalBasis.trim(),
        parts: ['kern', ...parts],
        expiresAt: new Date(`${expires}T23:59:59`).toISOString(),
      });
      await queryClient.invalidateQueries({ queryKey: sharingKeys.grants(record.id) });
      onCreated(grant.grantee.name);
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };

  const orgOptions = (targets.data ?? []).map((t) => ({
    value: t.id,
    label: `${t.name} (${label('organisationTypes', t.type)})${t.id === ownOrg ? ` ${s.ownOrganisation}` : ''}`,
  }));
  const isOfficeholder = recordType === 'officeholder';
  // Screenings and registers are shared whole: there are no parts to choose.
  const isSharedWhole = recordType === 'screening' || recordType === 'dataset';
  const names: Record<string, string> = isOfficeholder ? s.officeholderPartNames : s.partNames;
  const explanations: Record<string, string> = isOfficeholder ? s.officeholderPartExplanations : s.partExplanations;
  const recordParts: readonly string[] = isOfficeholder
    ? officeholderParts
    : (taxonomy.data?.incidentParts ?? incidentParts);
  const partOptions = recordParts.map((part) => ({
    value: part,
    label: names[part] ?? part,
    description: explanations[part],
    disabled: part === 'kern',
  }));
  const peopleHint = isRed ? s.namedUsersRedHint : isOwn ? s.namedUsersOwnHint : s.namedUsersHint;

  return (
    <div id="grant-form" className="wb-panel" data-testid="grant-form">
      <Heading level={3}>{s.formTitle}</Heading>
      <Paragraph>{s.formIntro}</Paragraph>
      {targets.isError ? (
        <Alert type="error">
          <Paragraph>{s.targetsFailed}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        idPrefix="grant"
        state={errors}
        labels={{
          granteeOrganisationId: s.organisation,
          namedUserIds: s.people,
          purpose: s.purpose,
          legalBasis: s.legalBasis,
          parts: s.parts,
          expiresAt: s.expiresAt,
        }}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <SelectField
          id="grant-granteeOrganisationId"
          label={s.granteeOrganisationId}
          value={org}
          onChange={(e) => {
            setOrg(e.target.value);
            setPeople([]);
          }}
          placeholder={m.common.choose}
          options={orgOptions}
          error={errors.fields['granteeOrganisationId']}
          required
        />
        {org === '' ? (
          <Paragraph className="wb-muted">{s.chooseOrganisationFirst}</Paragraph>
        ) : users.data && users.data.length === 0 ? (
          <Paragraph id="grant-namedUserIds">{s.noUsers}</Paragraph>
        ) : (
          <CheckboxGroup
            id="grant-namedUserIds"
            legend={
              <>
                {s.namedUserIds}
                {peopleRequired ? null : <span className="wb-optional"> {m.common.optional}</span>}
              </>
            }
            hint={peopleHint}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
            value={people}
            onChange={setPeople}
            error={errors.fields['namedUserIds']}
            columns
          />
        )}
        <SelectField
          id="grant-purpose"
          label={s.purpose}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder={m.common.choose}
          options={options('sharingPurposes', taxonomy.data?.sharingPurposes ?? sharingPurposes)}
          error={errors.fields['purpose']}
          required
        />
        <TextField
          id="grant-legalBasis"
          label={s.legalBasis}
          hint={s.legalBasisHint}
          value={legalBasis}
          onChange={(e) => setLegalBasis(e.target.value)}
          maxLength={300}
          error={errors.fields['legalBasis']}
          required
        />
        {isSharedWhole ? null : (
          <CheckboxGroup
            id="grant-parts"
            legend={s.parts}
            hint={s.partsHint}
            options={partOptions}
            value={parts}
            onChange={setParts}
            error={errors.fields['parts']}
          />
        )}
        <TextField
          id="grant-expiresAt"
          type="date"
          label={s.expiresAtLabel}
          hint={s.expiresAtHint}
          value={expires}
          min={minDate}
          max={maxDate}
          onChange={(e) => setExpires(e.target.value)}
          error={errors.fields['expiresAt']}
          required
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="grant-submit">
          {s.submit}
        </Button>
      </form>
    </div>
  );
}
