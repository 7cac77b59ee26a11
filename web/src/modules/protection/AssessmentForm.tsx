import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createAssessment, threatKeys, type PlanChange, type ThreatAdvice } from '../../api/threats';
import { measureKeys } from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import { Button, ButtonLink } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { todayDate } from '../incidents/datetime';
import { useThreatLabels } from './labels';

const fields = ['product', 'authority', 'decidedLevel', 'decisionReason', 'validUntil'] as const;
type Draft = Record<(typeof fields)[number], string>;

function inMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Records the assessor's decision; a level other than the advice needs a reason, which is said up front. */
export function AssessmentForm({ officeholderId, advice }: { officeholderId: string; advice: ThreatAdvice }) {
  const { m } = useI18n();
  const t = m.protection.assess;
  const labels = useThreatLabels();
  const queryClient = useQueryClient();
  const config = labels.config.data;
  const adviceName = labels.level(advice.level);
  const [draft, setDraft] = useState<Draft>({
    product: '',
    authority: '',
    decidedLevel: advice.level,
    decisionReason: '',
    validUntil: inMonths(3),
  });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ level: string; change: PlanChange } | null>(null);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const differs = draft.decidedLevel !== '' && draft.decidedLevel !== advice.level;
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!draft.product) problems['product'] = t.productRequired;
    if (!draft.authority) problems['authority'] = t.authorityRequired;
    if (!draft.decidedLevel) problems['decidedLevel'] = t.levelRequired;
    if (differs && draft.decisionReason.trim().length < 3) problems['decisionReason'] = t.reasonRequired(adviceName);
    if (!draft.validUntil) problems['validUntil'] = t.validUntilRequired;
    else if (draft.validUntil <= todayDate()) problems['validUntil'] = t.validUntilPast;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    setResult(null);
    try {
      const created = await createAssessment(officeholderId, {
        product: draft.product,
        authority: draft.authority,
        decidedLevel: draft.decidedLevel,
        validUntil: draft.validUntil,
        ...(draft.decisionReason.trim() ? { decisionReason: draft.decisionReason.trim() } : {}),
      });
      clear();
      setResult({ level: created.assessment.decidedLevel, change: created.planChange });
      for (const key of [
        threatKeys.assessments(officeholderId),
        threatKeys.advice(officeholderId),
        threatKeys.board,
        measureKeys.plan(officeholderId),
        ['tasks'],
        ['notifications'],
      ]) {
        await queryClient.invalidateQueries({ queryKey: key });
      }
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const levelOptions = (config?.levels ?? []).map((l) => ({
    value: l.code,
    label: l.code === advice.level ? `${labels.pick(l)} ${t.adviceMark}` : labels.pick(l),
  }));
  const change = result?.change;
  return (
    <section aria-labelledby="assess-title" className="wb-section" data-testid="assessment">
      <Heading level={2} id="assess-title">
        {t.title}
      </Heading>
      <Paragraph>{t.intro}</Paragraph>
      <Alert type="info" live={false}>
        <Paragraph data-testid="assessment-rule">{t.rule(adviceName)}</Paragraph>
      </Alert>
      <ErrorSummary
        idPrefix="assess"
        state={errors}
        labels={{
          product: t.product,
          authority: t.authority,
          decidedLevel: t.decidedLevel,
          decisionReason: t.reason,
          validUntil: t.validUntil,
        }}
      />
      {result && change ? (
        <Alert type="ok">
          <div data-testid="assessment-saved">
            <Paragraph>{t.saved(labels.level(result.level))}</Paragraph>
            <Paragraph>
              {change.direction === 'up'
                ? t.planUp(change.proposedCodes.length)
                : change.direction === 'down'
                  ? t.planDown(change.scaleDownCodes.length)
                  : t.planSame}
            </Paragraph>
            {change.workOrderIds.length > 0 ? <Paragraph>{t.workOrders(change.workOrderIds.length)}</Paragraph> : null}
            <ButtonLink to={{ search: '?deel=maatregelen' }} variant="primary" data-testid="to-plan">
              {t.toPlan}
            </ButtonLink>
          </div>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="assessment-form">
        <SelectField
          id="assess-product"
          label={t.product}
          value={draft.product}
          onChange={(e) => set('product')(e.target.value)}
          placeholder={m.common.choose}
          options={(config?.products ?? []).map((p) => ({ value: p.code, label: labels.pick(p) }))}
          error={errors.fields['product']}
          required
        />
        <SelectField
          id="assess-authority"
          label={t.authority}
          value={draft.authority}
          onChange={(e) => set('authority')(e.target.value)}
          placeholder={m.common.choose}
          options={(config?.authorities ?? []).map((a) => ({ value: a.code, label: labels.pick(a) }))}
          error={errors.fields['authority']}
          required
        />
        <RadioGroup
          id="assess-decidedLevel"
          name="decidedLevel"
          legend={t.decidedLevel}
          options={levelOptions}
          value={draft.decidedLevel}
          onChange={set('decidedLevel')}
          error={errors.fields['decidedLevel']}
        />
        <TextAreaField
          id="assess-decisionReason"
          label={t.reason}
          hint={differs ? t.reasonRequired(adviceName) : t.reasonHint}
          optionalText={differs ? undefined : m.common.optional}
          value={draft.decisionReason}
          onChange={(e) => set('decisionReason')(e.target.value)}
          rows={3}
          maxLength={4000}
          error={errors.fields['decisionReason']}
          required={differs}
        />
        <TextField
          id="assess-validUntil"
          type="date"
          label={t.validUntil}
          value={draft.validUntil}
          min={todayDate()}
          onChange={(e) => set('validUntil')(e.target.value)}
          error={errors.fields['validUntil']}
          required
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="assessment-submit">
          {t.submit}
        </Button>
      </form>
    </section>
  );
}
