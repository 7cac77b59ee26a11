import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { measureKeys, reportWorkOrderProgress, type WorkOrder, type WorkOrderProgress } from '../../api/measures';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const progresses: WorkOrderProgress[] = ['ontvangen', 'ingepland', 'uitgevoerd', 'probleem'];

/** The executor reports progress (a problem needs a note); the plan owner is told. */
export function ProgressForm({ order }: { order: WorkOrder }) {
  const { m } = useI18n();
  const t = m.protection.workOrders;
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<string>(order.progress);
  const [note, setNote] = useState(order.progressNote ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(['progress', 'note']);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!progress) return fail({ progress: t.progressRequired });
    if (progress === 'probleem' && !note.trim()) return fail({ note: t.noteRequired });
    setBusy(true);
    try {
      const next = await reportWorkOrderProgress(order.id, {
        progress: progress as WorkOrderProgress,
        note: note.trim() ? note.trim() : null,
      });
      clear();
      setSaved(true);
      queryClient.setQueryData<WorkOrder[]>(measureKeys.workOrders, (list) =>
        list?.map((o) => (o.id === next.id ? next : o)),
      );
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="progress-title" className="wb-section">
      <Heading level={2} id="progress-title">
        {t.update}
      </Heading>
      <ErrorSummary idPrefix="progress" state={errors} labels={{ progress: t.progressLabel, note: t.note }} />
      {saved ? (
        <Alert type="ok">
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="progress-form">
        <RadioGroup
          id="progress-progress"
          name="progress"
          legend={t.progressLabel}
          options={progresses.map((p) => ({ value: p, label: t.progresses[p] }))}
          value={progress}
          onChange={setProgress}
          error={errors.fields['progress']}
        />
        <TextAreaField
          id="progress-note"
          label={t.note}
          optionalText={progress === 'probleem' ? undefined : m.common.optional}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={3}
          maxLength={2000}
          error={errors.fields['note']}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="progress-submit">
          {t.submit}
        </Button>
      </form>
    </section>
  );
}
