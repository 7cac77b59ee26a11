import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import type { CloseReason, IncidentStatus } from '../../api/codes';
import { changeIncidentStatus, incidentKeys } from '../../api/incidents';
import { useTaxonomy } from '../../api/session';
import type { Incident } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField } from '../../ui/Field';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from './options';

const fields = ['status', 'reason', 'note'] as const;

/** Moves the incident along the allowed transitions; closing asks for a reason. */
export function StatusControl({ incident, onConflict }: { incident: Incident; onConflict: () => void }) {
  const { m, label } = useI18n();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const options = useCodeOptions();
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [isConflict, setConflict] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const moves = taxonomy.data?.statusTransitions[incident.status] ?? [];
  const closing = status === 'afgehandeld';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!status) problems['status'] = m.status.statusRequired;
    if (closing && !reason) problems['reason'] = m.status.reasonRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    setDone(false);
    try {
      const saved = await changeIncidentStatus(incident.id, {
        status: status as IncidentStatus,
        ...(closing ? { reason: reason as CloseReason } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        version: incident.version,
      });
      clear();
      setStatus('');
      setReason('');
      setNote('');
      setDone(true);
      queryClient.setQueryData(incidentKeys.one(incident.id), saved);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.events(incident.id) });
      await queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    } catch (error) {
      setConflict(error instanceof ApiError && error.code === 'conflict');
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="status-title" className="wb-section" data-testid="status-control">
      <Heading level={2} id="status-title">
        {m.status.title}
      </Heading>
      <ErrorSummary
        idPrefix="status"
        state={errors}
        labels={{ status: m.status.next, reason: m.status.reason, note: m.status.note }}
      />
      {isConflict ? (
        <Button variant="primary" onClick={onConflict}>
          {m.common.reload}
        </Button>
      ) : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>{m.status.changed}</Paragraph>
        </Alert>
      ) : null}
      {moves.length === 0 ? (
        <Paragraph>{m.status.noMoves}</Paragraph>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <SelectField
            id="status-status"
            label={m.status.next}
            hint={`${m.fields.status}: ${label('statuses', incident.status)}`}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            placeholder={m.common.choose}
            options={options('statuses', moves)}
            error={errors.fields['status']}
          />
          {closing ? (
            <SelectField
              id="status-reason"
              label={m.status.reason}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={m.common.choose}
              options={options('closeReasons', taxonomy.data?.closeReasons)}
              error={errors.fields['reason']}
            />
          ) : null}
          <TextAreaField
            id="status-note"
            label={m.status.note}
            optionalText={m.common.optional}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={1000}
            error={errors.fields['note']}
          />
          <Button type="submit" variant="primary" busy={busy} data-testid="status-submit">
            {m.status.submit}
          </Button>
        </form>
      )}
    </section>
  );
}
