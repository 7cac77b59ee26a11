import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { createPoi, poiKeys, updatePoi, type Poi, type PoiFields } from '../../api/pois';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField, TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['displayName', 'names', 'birthDate', 'onlineHandles', 'addresses', 'notes'] as const;
type Draft = Record<(typeof fields)[number], string>;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
const parts = (line: string) => line.split(',').map((p) => p.trim());

const draftOf = (p: Poi | undefined): Draft => ({
  displayName: p?.displayName ?? '',
  names: (p?.names ?? []).join('\n'),
  birthDate: p?.birthDate ?? '',
  onlineHandles: (p?.onlineHandles ?? []).map((h) => `${h.platform}, ${h.handle}`).join('\n'),
  addresses: (p?.addresses ?? []).map((a) => `${a.street}, ${a.houseNumber}, ${a.postcode}, ${a.city}`).join('\n'),
  notes: p?.notes ?? '',
});

/** Create or change a person of interest; lists are entered one per line. */
export function PoiForm({ existing, onSaved }: { existing?: Poi; onSaved?: () => void }) {
  const { m } = useI18n();
  const t = m.pois;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(existing));
  const [busy, setBusy] = useState(false);
  const { errors, fail, failWith } = useFormErrors(fields);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (draft.displayName.trim().length < 2) problems['displayName'] = t.nameRequired;
    const handles = lines(draft.onlineHandles).map(parts);
    if (handles.some((h) => h.length < 2 || !h[0] || !h[1])) problems['onlineHandles'] = t.handlesInvalid;
    const addresses = lines(draft.addresses).map(parts);
    if (addresses.some((a) => a.length < 4 || a.slice(0, 4).some((x) => !x)))
      problems['addresses'] = t.addressesInvalid;
    if (Object.keys(problems).length > 0) return fail(problems);
    const input: PoiFields = {
      displayName: draft.displayName.trim(),
      names: lines(draft.names),
      birthDate: draft.birthDate || null,
      onlineHandles: handles.map(([platform = '', ...rest]) => ({ platform, handle: rest.join(', ') })),
      addresses: addresses.map(([street = '', houseNumber = '', postcode = '', city = '']) => ({
        street,
        houseNumber,
        postcode,
        city,
      })),
      notes: draft.notes.trim(),
    };
    setBusy(true);
    try {
      if (existing) {
        const saved = await updatePoi(existing.id, { ...input, version: existing.version });
        queryClient.setQueryData(poiKeys.one(existing.id), saved);
        await queryClient.invalidateQueries({ queryKey: ['pois', 'list'] });
        onSaved?.();
      } else {
        const created = await createPoi(input);
        await queryClient.invalidateQueries({ queryKey: ['pois', 'list'] });
        navigate(`/personen/${created.id}`);
      }
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };
  const labels = {
    displayName: t.displayName,
    names: t.names,
    birthDate: t.birthDate,
    onlineHandles: t.handles,
    addresses: t.addresses,
    notes: t.notes,
  };
  return (
    <>
      <ErrorSummary idPrefix="poi" state={errors} labels={labels} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="poi-form">
        <TextField
          id="poi-displayName"
          label={t.displayName}
          value={draft.displayName}
          onChange={set('displayName')}
          autoComplete="off"
          maxLength={200}
          error={errors.fields['displayName']}
          required
        />
        <TextAreaField
          id="poi-names"
          label={t.names}
          hint={t.namesHint}
          optionalText={m.common.optional}
          value={draft.names}
          onChange={set('names')}
          rows={2}
          error={errors.fields['names']}
        />
        <TextField
          id="poi-birthDate"
          type="date"
          label={t.birthDate}
          optionalText={m.common.optional}
          value={draft.birthDate}
          onChange={set('birthDate')}
          error={errors.fields['birthDate']}
        />
        <TextAreaField
          id="poi-onlineHandles"
          label={t.handles}
          hint={t.handlesHint}
          optionalText={m.common.optional}
          value={draft.onlineHandles}
          onChange={set('onlineHandles')}
          rows={2}
          error={errors.fields['onlineHandles']}
        />
        <TextAreaField
          id="poi-addresses"
          label={t.addresses}
          hint={t.addressesHint}
          optionalText={m.common.optional}
          value={draft.addresses}
          onChange={set('addresses')}
          rows={2}
          error={errors.fields['addresses']}
        />
        <TextAreaField
          id="poi-notes"
          label={t.notes}
          optionalText={m.common.optional}
          value={draft.notes}
          onChange={set('notes')}
          rows={4}
          maxLength={20000}
          error={errors.fields['notes']}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="poi-save">
          {t.save}
        </Button>
      </form>
    </>
  );
}
