import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  setThreatFactors,
  threatKeys,
  type FactorCoding,
  type FactorStatus,
  type ThreatAdvice,
} from '../../api/threats';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useThreatLabels } from './labels';

const statuses: FactorStatus[] = ['present', 'absent', 'unknown'];

/**
 * The stored coding as the advice shows it: unknown factors are its information gaps, present
 * ones contribute points, the rest are absent. (The API has no read of the stored profile.)
 */
export function codingFromAdvice(codes: string[], advice: ThreatAdvice): FactorCoding {
  const gaps = new Set(advice.informationGaps.map((g) => g.factor));
  const present = new Set(advice.contributions.filter((c) => c.kind === 'factor').map((c) => c.ref));
  return Object.fromEntries(
    codes.map((c): [string, FactorStatus] => [c, gaps.has(c) ? 'unknown' : present.has(c) ? 'present' : 'absent']),
  );
}

/** Present / absent / unknown per structured factor; saving asks for re-assessment and refreshes the advice. */
export function FactorsForm({ officeholderId, advice }: { officeholderId: string; advice: ThreatAdvice }) {
  const { m, lang } = useI18n();
  const t = m.protection.factors;
  const labels = useThreatLabels();
  const queryClient = useQueryClient();
  const factors = labels.config.data?.factors ?? [];
  const [coding, setCoding] = useState<FactorCoding>(() =>
    codingFromAdvice(
      factors.map((f) => f.code),
      advice,
    ),
  );
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string[] | null>(null);
  const { errors, failWith, clear } = useFormErrors(['factors']);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const profile = await setThreatFactors(officeholderId, coding);
      clear();
      setSaved(profile.reassessmentReasons.map((r) => (lang === 'nl' ? r.label_nl : r.label_en)));
      await queryClient.invalidateQueries({ queryKey: threatKeys.advice(officeholderId) });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  const options = statuses.map((s) => ({ value: s, label: t.statuses[s] }));
  return (
    <section aria-labelledby="factors-title" className="wb-section">
      <Heading level={2} id="factors-title">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <ErrorSummary idPrefix="factors" state={errors} labels={{ factors: t.title }} />
      {saved ? (
        <Alert type="ok">
          <Paragraph>{t.saved}</Paragraph>
          {saved.length > 0 ? <Paragraph>{`${t.reassess} ${saved.join('; ')}`}</Paragraph> : null}
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="factors-form" className="wb-factors">
        {factors.map((f) => (
          <RadioGroup
            key={f.code}
            id={`factor-${f.code}`}
            name={`factor-${f.code}`}
            legend={labels.pick(f)}
            options={options}
            value={coding[f.code] ?? 'unknown'}
            onChange={(v) => setCoding((c) => ({ ...c, [f.code]: v as FactorStatus }))}
            columns
          />
        ))}
        <Button type="submit" variant="primary" busy={busy} data-testid="factors-save">
          {t.submit}
        </Button>
      </form>
    </section>
  );
}
