import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { tlpLevels, type Tlp } from '../../api/codes';
import { incidentKeys } from '../../api/incidents';
import { useTaxonomy } from '../../api/session';
import { setRecordTlp, type SharedRecord, type SharedRecordType } from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Alert, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';

const fields = ['tlp'] as const;

/** Changes the TLP marking; RED is refused (409) while the record is shared with a whole organisation. */
export function TlpControl({
  record,
  recordType = 'incident',
}: {
  record: Pick<SharedRecord, 'id' | 'tlp'>;
  recordType?: SharedRecordType;
}) {
  const { m } = useI18n();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const current = record.tlp ?? 'CLEAR';
  const [tlp, setTlp] = useState<string>(current);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [isBlocked, setBlocked] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);
  const levels = taxonomy.data?.tlpLevels ?? tlpLevels;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setBlocked(false);
    if (tlp === current) return fail({ tlp: m.tlp.unchanged });
    setBusy(true);
    try {
      await setRecordTlp(recordType, record.id, tlp as Tlp);
      clear();
      setDone(true);
      if (recordType === 'officeholder') {
        await queryClient.invalidateQueries({ queryKey: ['officeholders'] });
      } else if (recordType === 'poi' || recordType === 'screening' || recordType === 'dataset') {
        await queryClient.invalidateQueries({ queryKey: [`${recordType}s`] });
      } else {
        await queryClient.invalidateQueries({ queryKey: incidentKeys.one(record.id) });
        await queryClient.invalidateQueries({ queryKey: incidentKeys.events(record.id) });
        await queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
      }
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        clear();
        setBlocked(true);
      } else failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="tlp-title" className="wb-section" data-testid="tlp-control">
      <Heading level={2} id="tlp-title">
        {m.tlp.title}
      </Heading>
      <Paragraph>{m.tlp.introFor[recordType] ?? m.tlp.intro}</Paragraph>
      <ErrorSummary idPrefix="tlp" state={errors} labels={{ tlp: m.tlp.legend }} />
      {isBlocked ? (
        <div data-testid="tlp-conflict">
          <Alert type="error">
            <Paragraph>{m.tlp.redBlocked}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {done ? (
        <Alert type="ok">
          <Paragraph>{m.tlp.saved}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <RadioGroup
          id="tlp-tlp"
          name="tlp"
          legend={m.tlp.legend}
          hint={m.tlp.current(current)}
          value={tlp}
          onChange={setTlp}
          error={errors.fields['tlp']}
          options={levels.map((level) => ({
            value: level,
            label: `TLP:${level}`,
            description: m.tlp.levels[level],
          }))}
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="tlp-submit">
          {m.tlp.submit}
        </Button>
      </form>
    </section>
  );
}
