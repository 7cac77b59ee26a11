import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { incidentKeys, uploadAttachment } from '../../api/incidents';
import type { Attachment } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const maxBytes = 10 * 1024 * 1024;
const extensions = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'txt'];
const accept =
  '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain';
const fields = ['file'] as const;

/** Optional evidence for an incident: one file at a time, checked for type and size before sending. */
export function EvidenceUpload({ incidentId, headingLevel = 2 }: { incidentId: string; headingLevel?: 2 | 3 }) {
  const { m } = useI18n();
  const queryClient = useQueryClient();
  const idPrefix = `evidence${useId().replace(/:/g, '')}`;
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<Attachment[]>([]);
  const { errors, fail, failWith, clear } = useFormErrors(fields);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return fail({ file: m.done.noFile });
    const extension = file.name.toLowerCase().split('.').pop() ?? '';
    if (!extensions.includes(extension)) return fail({ file: m.done.badType });
    if (file.size > maxBytes) return fail({ file: m.done.tooLarge });
    setBusy(true);
    try {
      const attachment = await uploadAttachment(incidentId, file);
      setUploaded((list) => [...list, attachment]);
      setFile(null);
      setInputKey((k) => k + 1);
      clear();
      await queryClient.invalidateQueries({ queryKey: incidentKeys.one(incidentId) });
      await queryClient.invalidateQueries({ queryKey: incidentKeys.events(incidentId) });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${idPrefix}-title`} className="wb-section">
      <Heading level={headingLevel} id={`${idPrefix}-title`}>
        {m.done.evidenceTitle}
      </Heading>
      <ErrorSummary idPrefix={idPrefix} state={errors} labels={{ file: m.done.file }} />
      {uploaded.map((a) => (
        <Alert type="ok" key={a.id}>
          <Paragraph>{m.done.uploaded(a.fileName)}</Paragraph>
        </Alert>
      ))}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="evidence-form">
        <div
          className={`utrecht-form-field utrecht-form-field--distanced${errors.fields['file'] ? ' utrecht-form-field--invalid' : ''}`}
        >
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={`${idPrefix}-file`}>
              {m.done.file}
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id={`${idPrefix}-file-hint`}>
            {m.done.evidenceHint}
          </div>
          {errors.fields['file'] ? (
            <div
              className="utrecht-form-field__error-message utrecht-form-field-error-message"
              id={`${idPrefix}-file-error`}
            >
              {errors.fields['file']}
            </div>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              key={inputKey}
              type="file"
              id={`${idPrefix}-file`}
              name="file"
              accept={accept}
              className="wb-file"
              aria-invalid={errors.fields['file'] ? true : undefined}
              aria-describedby={`${idPrefix}-file-hint${errors.fields['file'] ? ` ${idPrefix}-file-error` : ''}`}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
        </div>
        <Button type="submit" variant="secondary" busy={busy}>
          {busy ? m.done.uploading : m.done.upload}
        </Button>
      </form>
    </section>
  );
}
