import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { concludeScreening, screeningKeys, type Screening, type ScreeningOutcome } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['outcome', 'text'] as const;
const outcomes: ScreeningOutcome[] = ['geen_bezwaar', 'nader_onderzoek', 'bibob_advies_vragen'];

/**
 * The conclusion: the current one, the earlier ones (kept, never overwritten), and a form for the
 * user who ran the screening or the Bibob coordinator; others read why they cannot conclude.
 */
export function ConclusionSection({ screening }: { screening: Screening }) {
  const canConclude = screening.access.mayConclude;
  const { m, formatDateTime } = useI18n();
  const s = m.screening;
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<ScreeningOutcome | ''>(screening.conclusion?.outcome ?? '');
  const [text, setText] = useState(screening.conclusion?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const current = screening.conclusion;
  const earlier = screening.conclusions.slice(1);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: Record<string, string> = {};
    if (!outcome) problems['outcome'] = s.conclusionOutcomeRequired;
    if (text.trim().length < 3) problems['text'] = s.conclusionTextRequired;
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
      {earlier.length > 0 ? (
        <>
          <Heading level={3}>{s.conclusionHistory}</Heading>
          <Table caption={s.conclusionHistoryCaption} cards testId="conclusion-history">
            <THead>
              <Th>{s.outcome}</Th>
              <Th>{s.conclusionText}</Th>
              <Th>{s.conclusionWho}</Th>
              <Th>{s.conclusionWhen}</Th>
            </THead>
            <TBody>
              {earlier.map((c) => (
                <Tr key={`${c.concludedAt}-${c.concludedBy}-${c.text}`} testId="conclusion-history-row">
                  <Td label={s.outcome}>{s.outcomes[c.outcome]}</Td>
                  <Td label={s.conclusionText}>{c.text}</Td>
                  <Td label={s.conclusionWho}>{c.concludedBy}</Td>
                  <Td label={s.conclusionWhen}>{formatDateTime(c.concludedAt)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </>
      ) : null}
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
      ) : (
        <Paragraph className="wb-muted" data-testid="conclusion-not-allowed">
          {screening.access.via === 'grant' ? s.mayNotConcludeShared : s.mayNotConclude}
        </Paragraph>
      )}
    </section>
  );
}
