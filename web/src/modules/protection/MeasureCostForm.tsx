import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { measureKeys, updatePlanMeasure, type PlanMeasure } from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { describeApiError } from '../../ui/use-form-errors';

/** The actual or quoted cost of one measure, folded away under a disclosure. */
export function MeasureCostForm({
  officeholderId,
  measure,
  title,
}: {
  officeholderId: string;
  measure: PlanMeasure;
  title: string;
}) {
  const { m } = useI18n();
  const t = m.protection.plan;
  const queryClient = useQueryClient();
  const [value, setValue] = useState(measure.costEuro === null ? '' : String(measure.costEuro));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const id = `cost-${measure.id}`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const text = value.trim().replace(',', '.');
    const cost = text === '' ? null : Number(text);
    if (cost !== null && (!Number.isFinite(cost) || cost < 0)) {
      setError(t.costInvalid);
      document.getElementById(id)?.focus();
      return;
    }
    setBusy(true);
    try {
      const plan = await updatePlanMeasure(officeholderId, measure.id, { costEuro: cost });
      setError(undefined);
      queryClient.setQueryData(measureKeys.plan(officeholderId), plan);
    } catch (err) {
      setError(describeApiError(err, m));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="wb-measure__cost">
      <TextField
        id={id}
        label={t.costLabel(title)}
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
      />
      <Button type="submit" busy={busy}>
        {t.costSubmit}
      </Button>
    </form>
  );
}
