import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import {
  createScreening,
  screeningKeys,
  useScreeningDatasets,
  type NewScreening,
  type SubjectSchema,
} from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup, RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { looksLikeDate } from './birth-date';
import { countryOptions } from './countries';

const fields = ['subject', 'name', 'birthDate', 'nationality', 'purpose', 'datasetIds'] as const;
type Values = {
  schema: SubjectSchema;
  name: string;
  birthDate: string;
  address: string;
  kvk: string;
  nationality: string;
  purpose: string;
  caseReference: string;
};
const empty: Values = {
  schema: 'Person',
  name: '',
  birthDate: '',
  address: '',
  kvk: '',
  nationality: '',
  purpose: '',
  caseReference: '',
};

function toRequest(v: Values, datasetIds: string[]): NewScreening {
  const props: Record<string, string[]> = {};
  const put = (key: string, value: string) => {
    if (value.trim()) props[key] = [value.trim()];
  };
  put('name', v.name);
  put('address', v.address);
  put('registrationNumber', v.kvk);
  if (v.schema === 'Person') {
    put('birthDate', v.birthDate);
    put('nationality', v.nationality);
  } else put('jurisdiction', v.nationality);
  return {
    subject: { schema: v.schema, properties: props },
    purpose: v.purpose.trim(),
    ...(datasetIds.length ? { datasetIds } : {}),
    ...(v.caseReference.trim() ? { caseReference: v.caseReference.trim() } : {}),
  };
}

/** The applicant's details and the registers to screen against; on success the result opens. */
export function ScreeningForm() {
  const { m, lang } = useI18n();
  const s = m.screening;
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const datasets = useScreeningDatasets();
  const [values, setValues] = useState<Values>(empty);
  const [datasetIds, setDatasetIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);
  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.name.trim() && !values.kvk.trim()) problems['name'] = s.nameRequired;
    if (values.schema === 'Person' && !looksLikeDate(values.birthDate)) problems['birthDate'] = s.birthDateInvalid;
    if (values.purpose.trim().length < 3) problems['purpose'] = s.purposeRequired;
    if (Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      const screening = await createScreening(toRequest(values, datasetIds));
      queryClient.setQueryData(screeningKeys.one(screening.id), screening);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.all });
      // The result opens at its top with focus on its heading (see useResultFocus).
      navigate(`/screening/${screening.id}`, { state: { screened: true } });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const isPerson = values.schema === 'Person';
  const options = (datasets.data ?? []).map((d) => ({
    value: d.id,
    label: s.datasetOption(d.title, d.entityCount, d.sharedBy),
  }));
  return (
    <section
      aria-labelledby="screening-form-title"
      className="wb-section wb-panel"
      data-testid="screening-form-section"
    >
      <Heading level={2} id="screening-form-title">
        {s.formTitle}
      </Heading>
      <ErrorSummary
        idPrefix="screening"
        state={errors}
        labels={{
          name: s.name,
          birthDate: s.birthDate,
          nationality: isPerson ? s.nationality : s.jurisdiction,
          purpose: s.purpose,
          subject: s.subjectDetails,
          datasetIds: s.datasets,
        }}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="screening-form">
        <RadioGroup
          id="screening-schema"
          name="schema"
          legend={s.subjectType}
          value={values.schema}
          onChange={(v) => setValues((old) => ({ ...old, schema: v as SubjectSchema }))}
          options={[
            { value: 'Person', label: s.person },
            { value: 'Company', label: s.company },
          ]}
        />
        <TextField
          id="screening-name"
          label={s.name}
          hint={s.nameHint}
          value={values.name}
          onChange={set('name')}
          error={errors.fields['name']}
          autoComplete="off"
          data-testid="screening-name"
        />
        {isPerson ? (
          <TextField
            id="screening-birthDate"
            label={s.birthDate}
            hint={s.birthDateHint}
            optionalText={s.optional}
            value={values.birthDate}
            onChange={set('birthDate')}
            error={errors.fields['birthDate']}
            autoComplete="off"
            data-testid="screening-birthdate"
          />
        ) : null}
        <TextField
          id="screening-address"
          label={s.address}
          hint={s.addressHint}
          optionalText={s.optional}
          value={values.address}
          onChange={set('address')}
          autoComplete="off"
          data-testid="screening-address"
        />
        <TextField
          id="screening-kvk"
          label={s.kvk}
          optionalText={s.optional}
          value={values.kvk}
          onChange={set('kvk')}
          inputMode="numeric"
          autoComplete="off"
          data-testid="screening-kvk"
        />
        <SelectField
          id="screening-nationality"
          label={isPerson ? s.nationality : s.jurisdiction}
          hint={s.nationalityHint}
          optionalText={s.optional}
          value={values.nationality}
          onChange={set('nationality')}
          error={errors.fields['nationality']}
          placeholder={s.noCountry}
          options={countries}
          data-testid="screening-nationality"
        />
        {options.length ? (
          <CheckboxGroup
            id="screening-datasetIds"
            legend={s.datasets}
            hint={s.datasetsHint}
            value={datasetIds}
            onChange={setDatasetIds}
            options={options}
          />
        ) : datasets.isSuccess ? (
          <Paragraph>{s.noDatasets}</Paragraph>
        ) : null}
        <TextField
          id="screening-purpose"
          label={s.purpose}
          hint={s.purposeHint}
          value={values.purpose}
          onChange={set('purpose')}
          error={errors.fields['purpose']}
          required
          data-testid="screening-purpose"
        />
        <TextField
          id="screening-caseReference"
          label={s.caseReference}
          optionalText={s.optional}
          value={values.caseReference}
          onChange={set('caseReference')}
          autoComplete="off"
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="screening-submit">
          {s.submit}
        </Button>
      </form>
    </section>
  );
}
