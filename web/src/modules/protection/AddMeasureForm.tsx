import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { addPlanMeasure, measureKeys, useMeasureCatalogue, type MeasurePlan } from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

/** Proposes a catalogue measure that is not live in the plan yet. */
export function AddMeasureForm({ officeholderId, plan }: { officeholderId: string; plan: MeasurePlan }) {
  const { m, lang } = useI18n();
  const t = m.protection.plan;
  const queryClient = useQueryClient();
  const catalogue = useMeasureCatalogue();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(['code']);
  const live = new Set(
    plan.measures.filter((x) => x.status !== 'afgewezen' && x.status !== 'beeindigd').map((x) => x.code),
  );
  const options = (catalogue.data ?? [])
    .filter((c) => !live.has(c.code))
    .map((c) => ({ value: c.code, label: `${t.areas[c.area]}: ${lang === 'nl' ? c.name_nl : c.name_en}` }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!code) return fail({ code: t.addRequired });
    setBusy(true);
    setDone(false);
    try {
      const next = await addPlanMeasure(officeholderId, { code });
      queryClient.setQueryData(measureKeys.plan(officeholderId), next);
      clear();
      setCode('');
      setDone(true);
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="add-measure-title" className="wb-section">
      <Heading level={2} id="add-measure-title">
        {t.add}
      </Heading>
      <ErrorSummary idPrefix="add-measure" state={errors} labels={{ code: t.addMeasure }} />
      {done ? (
        <Alert type="ok">
          <Paragraph>{t.added}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="wb-quick">
        <SelectField
          id="add-measure-code"
          label={t.addMeasure}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={m.common.choose}
          options={options}
          error={errors.fields['code']}
        />
        <Button type="submit" busy={busy}>
          {t.addSubmit}
        </Button>
      </form>
    </section>
  );
}
