import { useState, type FormEvent } from 'react';
import { sharingPurposes } from '../../api/codes';
import { giveAccessReason } from '../../api/incidents';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextAreaField } from '../../ui/Field';
import { Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCodeOptions } from './options';

const fields = ['purpose', 'note'] as const;

/** Asked before a TLP:RED or shared record opens: the purpose is kept with every read (AVG purpose limitation). */
export function AccessReasonForm({
  incidentId,
  recordType = 'incident',
  onGiven,
}: {
  /** The record's id (an incident unless `recordType` says otherwise). */
  incidentId: string;
  recordType?: 'incident' | 'officeholder' | 'poi' | 'screening';
  onGiven: () => void;
}) {
  const { m } = useI18n();
  const options = useCodeOptions();
  const [purpose, setPurpose] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!purpose) return fail({ purpose: m.reason.purposeRequired });
    setBusy(true);
    try {
      await giveAccessReason(incidentId, purpose, note.trim() || undefined, recordType);
      onGiven();
    } catch (error) {
      failWith(error);
      setBusy(false);
    }
  };

  return (
    <div className="wb-form-page" data-testid="access-reason">
      <Heading level={1}>{m.reason.title}</Heading>
      <Paragraph>{m.reason.intro}</Paragraph>
      <ErrorSummary idPrefix="reason" state={errors} labels={{ purpose: m.reason.purpose, note: m.reason.note }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <SelectField
          id="reason-purpose"
          label={m.reason.purpose}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
          placeholder={m.common.choose}
          options={options('sharingPurposes', sharingPurposes)}
          error={errors.fields['purpose']}
          required
        />
        <TextAreaField
          id="reason-note"
          label={m.reason.note}
          optionalText={m.common.optional}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={500}
          error={errors.fields['note']}
        />
        <Button type="submit" variant="primary" busy={busy}>
          {m.reason.submit}
        </Button>
      </form>
    </div>
  );
}
