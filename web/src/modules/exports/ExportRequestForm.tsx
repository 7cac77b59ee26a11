import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { exportKeys, requestExport, type ExportFilters } from '../../api/exports';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { Alert, AppLink, DataList, Heading, Paragraph } from '../../ui/Typography';
import { useFormErrors } from '../../ui/use-form-errors';
import { useFilterSummary } from './filter-summary';

const fields = ['reason', 'filters'] as const;

/** Asks for a CSV of the incidents matching the list filters; a second person must approve it. */
export function ExportRequestForm({ filters, listSearch }: { filters: ExportFilters; listSearch: string }) {
  const { m } = useI18n();
  const x = m.exports;
  const queryClient = useQueryClient();
  const summary = useFilterSummary()(filters);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const { errors, fail, failWith, clear } = useFormErrors(fields);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (reason.trim().length < 10) return fail({ reason: x.reasonRequired });
    setBusy(true);
    try {
      await requestExport(filters, reason.trim());
      clear();
      setReason('');
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: exportKeys.all });
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="export-request-title" className="wb-section wb-panel" data-testid="export-request">
      <Heading level={2} id="export-request-title">
        {x.requestTitle}
      </Heading>
      <Paragraph>{x.requestIntro}</Paragraph>
      <div className="wb-filter-list" data-testid="export-filters">
        {summary.length > 0 ? <DataList items={summary} /> : <Paragraph>{x.noFilters}</Paragraph>}
      </div>
      <Paragraph>
        <AppLink to={`/meldingen${listSearch}`}>{x.changeFilters}</AppLink>
      </Paragraph>
      <ErrorSummary idPrefix="export" state={errors} labels={{ reason: x.reason, filters: x.filters }} />
      {done ? (
        <Alert type="ok">
          <Paragraph>{x.requested}</Paragraph>
        </Alert>
      ) : null}
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="export-request-form">
        <TextAreaField
          id="export-reason"
          label={x.reason}
          hint={x.reasonHint}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={1000}
          error={errors.fields['reason']}
          required
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="export-submit">
          {x.submit}
        </Button>
      </form>
    </section>
  );
}
