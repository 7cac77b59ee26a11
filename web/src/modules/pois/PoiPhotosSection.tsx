import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { poiPhotoUrl, uploadPoiPhoto, usePoiPhotos } from '../../api/pois';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['file'] as const;

/** Photos of a person of interest, so staff and guards can recognise someone; PNG, JPEG or WebP. */
export function PoiPhotosSection({ poiId, name }: { poiId: string; name: string }) {
  const { m } = useI18n();
  const t = m.pois.photos;
  const queryClient = useQueryClient();
  const photos = usePoiPhotos(poiId);
  const [file, setFile] = useState<File | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return fail({ file: t.noFile });
    setBusy(true);
    try {
      await uploadPoiPhoto(poiId, file);
      setFile(null);
      setInputKey((k) => k + 1);
      clear();
      await queryClient.invalidateQueries({ queryKey: ['pois', poiId, 'photos'] });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="poi-photos-title" className="wb-section" data-testid="poi-photos">
      <Heading level={2} id="poi-photos-title">
        {t.title}
      </Heading>
      {photos.data && photos.data.length === 0 ? <Paragraph>{t.none}</Paragraph> : null}
      <div className="wb-photo-grid">
        {(photos.data ?? []).map((p) => (
          <img key={p.id} src={poiPhotoUrl(poiId, p.id)} alt={t.alt(name)} className="wb-photo" width={160} />
        ))}
      </div>
      <ErrorSummary idPrefix="poi-photo" state={errors} labels={{ file: t.file }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="utrecht-form-field utrecht-form-field--distanced">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="poi-photo-file">
              {t.file}
            </label>
          </div>
          <div className="utrecht-form-field__description utrecht-form-field-description" id="poi-photo-file-hint">
            {t.hint}
          </div>
          {errors.fields['file'] ? (
            <div
              className="utrecht-form-field__error-message utrecht-form-field-error-message"
              id="poi-photo-file-error"
            >
              {errors.fields['file']}
            </div>
          ) : null}
          <input
            key={inputKey}
            type="file"
            id="poi-photo-file"
            accept="image/png,image/jpeg,image/webp"
            className="wb-file"
            aria-describedby={`poi-photo-file-hint${errors.fields['file'] ? ' poi-photo-file-error' : ''}`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button type="submit" variant="secondary" busy={busy}>
          {t.upload}
        </Button>
      </form>
    </section>
  );
}
