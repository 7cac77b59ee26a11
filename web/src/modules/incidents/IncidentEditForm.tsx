import { useEffect, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { incidentKeys, updateIncident } from '../../api/incidents';
import type { Incident } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { changesOf, draftFromIncident, editFields, type EditDraft } from './edit-model';
import { BasicsSection, ContextSection, FollowUpSection } from './EditSections';

/** The full record for advisers; sends only what changed, with the version read (409 = someone was first). */
export function IncidentEditForm({ incident, onConflict }: { incident: Incident; onConflict: () => void }) {
  const { m } = useI18n();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EditDraft>(() => draftFromIncident(incident));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'unchanged' | null>(null);
  const [isConflict, setConflict] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(editFields);
  const set = <K extends keyof EditDraft>(key: K, value: EditDraft[K]) => {
    setNotice(null);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  // A newer version (after our save, a status change or a reload) is the new starting point.
  useEffect(() => {
    setDraft(draftFromIncident(incident));
    setConflict(false);
  }, [incident]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const { update, problems } = changesOf(incident, draft, m);
    if (Object.keys(problems).length > 0) return fail(problems);
    if (Object.keys(update).length === 0) {
      clear();
      return setNotice('unchanged');
    }
    setBusy(true);
    try {
      const saved = await updateIncident(incident.id, { ...update, version: incident.version });
      clear();
      queryClient.setQueryData(incidentKeys.one(incident.id), saved);
      await queryClient.invalidateQueries({ queryKey: incidentKeys.events(incident.id) });
      await queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
      setNotice('saved');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') setConflict(true);
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const labels = m.fields as unknown as Record<string, string>;
  return (
    <section aria-labelledby="edit-title" className="wb-section" data-testid="incident-edit">
      <Heading level={2} id="edit-title">
        {m.edit.title}
      </Heading>
      <ErrorSummary idPrefix="edit" state={errors} labels={labels} />
      {isConflict ? (
        <div className="wb-actions">
          <Button variant="primary" onClick={onConflict}>
            {m.common.reload}
          </Button>
        </div>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <BasicsSection draft={draft} set={set} errors={errors.fields} />
        <ContextSection draft={draft} set={set} errors={errors.fields} />
        <FollowUpSection draft={draft} set={set} errors={errors.fields} />
        {notice ? (
          <Alert type={notice === 'saved' ? 'ok' : 'info'}>
            <Paragraph>{notice === 'saved' ? m.edit.saved : m.edit.noChanges}</Paragraph>
          </Alert>
        ) : null}
        <Button type="submit" variant="primary" busy={busy} data-testid="incident-save">
          {m.edit.submit}
        </Button>
      </form>
    </section>
  );
}
