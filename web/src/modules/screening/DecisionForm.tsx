import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { decideCandidate, screeningKeys, type Candidate, type MatchDecision } from '../../api/screening';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Alert, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['decision', 'note'] as const;

/** Same / different / unsure for one candidate, with a note; earlier decisions are kept on the server. */
export function DecisionForm({
  screeningId,
  candidate,
  canDecide,
}: {
  screeningId: string;
  candidate: Candidate;
  canDecide: boolean;
}) {
  const { m, formatDateTime } = useI18n();
  const s = m.screening;
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<MatchDecision | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const prefix = `decision-${candidate.rank}`;
  const current = candidate.decision;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!decision) return fail({ decision: s.decisionRequired });
    setBusy(true);
    try {
      await decideCandidate(screeningId, {
        datasetId: candidate.datasetId,
        entityId: candidate.entityId,
        decision,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      clear();
      setSaved(true);
      setNote('');
      await queryClient.invalidateQueries({ queryKey: screeningKeys.one(screeningId) });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  // "Same person" for a person, "same company" or "same organisation" otherwise.
  const labels = s.decisionsFor(candidate.schema);
  const currentText = current
    ? s.decisionCurrent(labels[current.decision], current.decidedBy, formatDateTime(current.decidedAt))
    : null;
  if (!canDecide) return currentText ? <Paragraph>{currentText}</Paragraph> : null;
  return (
    <div className="wb-decision" data-testid="candidate-decision">
      {currentText ? (
        <Paragraph data-testid="candidate-current-decision">
          {currentText}
          {current?.note ? ` — ${current.note}` : ''}
        </Paragraph>
      ) : null}
      {saved ? (
        <Alert type="ok">
          <Paragraph>{s.decisionSaved}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary
        idPrefix={prefix}
        state={errors}
        labels={{ decision: s.decisionLegend(candidate.caption), note: s.decisionNote }}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <RadioGroup
          id={`${prefix}-decision`}
          name={`${prefix}-decision`}
          legend={s.decisionLegend(candidate.caption)}
          hint={s.decisionKept}
          value={decision}
          onChange={(v) => setDecision(v as MatchDecision)}
          error={errors.fields['decision']}
          columns
          options={(['same', 'different', 'unsure'] as const).map((d) => ({ value: d, label: labels[d] }))}
        />
        <TextField
          id={`${prefix}-note`}
          label={s.decisionNote}
          optionalText={s.optional}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={2000}
        />
        <Button type="submit" busy={busy} data-testid="decision-submit">
          {s.decisionSave}
        </Button>
      </form>
    </div>
  );
}
