import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { concludeScreening, screeningKeys, type Screening, type ScreeningOutcome } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['outcome', 'text'] as const;
const outcomes: ScreeningOutcome[] = ['geen_bezwaar', 'nader_onderzoek', 'bibob_advies_vragen'];

/** The adviser's conclusion: shown when given, and a form for the owner organisation. */
export function ConclusionSection({ screening, canConclude }: { screening: Screening; canConclude: boolean }) {
  const { m, formatDateTime } = useI18n();
  const s = m.screening;
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ScreeningOutcome | ''>(screening.conclusion?.outcome ?? '');
  const [text, setText] = useState(screening.conclusion?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const current = screening.conclusion;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: Record<string, string> = {};
    if (!outcome) problems['outcome'] = s.conclusionRequired;
    if (text.trim().length < 3) problems['text'] = s.conclusionRequired;
    if (!outcome || Object.keys(problems).length) return fail(problems);
    setBusy(true);
    try {
      const updated = await concludeScreening(screening.id, { outcome, text: text.trim() });
      clear();
      setSaved(true);
      queryClient.setQueryData(screeningKeys.one(screening.id), updated);
      await queryClient.invalidateQueries({ queryKey: screeningKeys.all });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby="screening-conclusion-title"
      className="wb-section wb-panel"
      data-testid="screening-conclusion"
    >
      <Heading level={2} id="screening-conclusion-title">
        {s.conclusionTitle}
      </Heading>
      {current ? (
        <>
          <Paragraph>
            <StatusBadge tone="active">{s.outcomes[current.outcome]}</StatusBadge> {current.text}
          </Paragraph>
          <Paragraph>{s.conclusionBy(current.concludedBy, formatDateTime(current.concludedAt))}</Paragraph>
        </>
      ) : (
        <Paragraph>{s.noConclusion}</Paragraph>
      )}
      {saved ? (
        <Alert type="ok">
          <Paragraph>{s.conclusionSaved}</Paragraph>
        </Alert>
      ) : null}
      {canConclude ? (
        <>
          <ErrorSummary idPrefix="conclusion" state={errors} labels={{ outcome: s.outcome, text: s.conclusionText }} />
          <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="conclusion-form">
            <RadioGroup
              id="conclusion-outcome"
              name="conclusion-outcome"
              legend={s.outcome}
              value={outcome}
              onChange={(v) => setOutcome(v as ScreeningOutcome)}
              error={errors.fields['outcome']}
              options={outcomes.map((o) => ({ value: o, label: s.outcomes[o] }))}
            />
            <TextAreaField
              id="conclusion-text"
              label={s.conclusionText}
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              maxLength={5000}
              error={errors.fields['text']}
              required
            />
            <Button type="submit" variant="primary" busy={busy} data-testid="conclusion-submit">
              {s.conclusionSave}
            </Button>
          </form>
        </>
      ) : null}
    </section>
  );
}
