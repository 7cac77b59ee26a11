import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import {
  decideExport,
  exportDownloadUrl,
  exportKeys,
  useExports,
  type ExportFilters,
  type ExportRequest,
  type ExportStatus,
} from '../../api/exports';
import { hasPermission, useSession } from '../../api/session';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/Field';
import { Table, TBody, Td, Th, THead, Tr } from '../../ui/Table';
import { Alert, Anchor, DataList, Heading, Paragraph, StatusBadge } from '../../ui/Typography';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';
import { usePageTitle } from '../../ui/use-page-title';
import { filtersFromParams, toApiFilters, toSearchParams } from '../incidents/filters';
import { ExportRequestForm } from './ExportRequestForm';
import { useFilterSummary } from './filter-summary';

const statusTone: Record<ExportStatus, 'warning' | 'success' | 'danger' | 'inactive'> = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  downloaded: 'inactive',
};

/** Bulk exports under four eyes: request (with the list filters and a reason), review, download once. */
export function ExportsPage() {
  const { m } = useI18n();
  const x = m.exports;
  usePageTitle(x.title);
  const { data: session } = useSession();
  const canRequest = hasPermission(session, 'exports:request');
  const [params] = useSearchParams();
  const values = filtersFromParams(params);
  const { page: _page, pageSize: _pageSize, ...filters } = toApiFilters(values, 1);
  const listSearch = toSearchParams(values).toString();
  const exports = useExports();
  // Opened from the incident list ("Exporteren"), the form comes prefilled and open; otherwise on request.
  const [requestOpen, setRequestOpen] = useState(params.get('aanvragen') === '1' || listSearch !== '');
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reviewed = exports.data?.find((e) => e.id === reviewing) ?? null;
  const isListForbidden = exports.error instanceof ApiError && exports.error.status === 403;

  return (
    <div data-testid="exports-page">
      <Heading level={1}>{x.title}</Heading>
      <Paragraph>{x.intro}</Paragraph>
      {canRequest && !requestOpen ? (
        <div className="wb-actions">
          <Button variant="primary" onClick={() => setRequestOpen(true)} data-testid="export-new">
            {x.newRequest}
          </Button>
        </div>
      ) : null}
      {canRequest && requestOpen ? (
        <ExportRequestForm
          key={listSearch}
          filters={filters as ExportFilters}
          listSearch={listSearch ? `?${listSearch}` : ''}
        />
      ) : null}
      <section aria-labelledby="export-list-title" className="wb-section">
        <Heading level={2} id="export-list-title" tabIndex={-1}>
          {x.requestsTitle}
        </Heading>
        {message ? (
          <Alert type="ok">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
        {exports.isPending ? <Loading /> : null}
        {exports.isError ? (
          <Alert type={isListForbidden ? 'warning' : 'error'}>
            <Paragraph>{isListForbidden ? x.listForbidden : describeApiError(exports.error, m)}</Paragraph>
          </Alert>
        ) : null}
        {exports.data && exports.data.length === 0 ? <Paragraph>{x.empty}</Paragraph> : null}
        {exports.data && exports.data.length > 0 ? (
          <ExportTable
            items={exports.data}
            onReview={(id) => {
              setMessage(null);
              setReviewing(id);
            }}
          />
        ) : null}
      </section>
      {reviewed ? (
        <DecisionPanel
          key={reviewed.id}
          request={reviewed}
          onClose={(text) => {
            setReviewing(null);
            setMessage(text);
            document.getElementById('export-list-title')?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

function ExportTable({ items, onReview }: { items: ExportRequest[]; onReview: (id: string) => void }) {
  const { m, formatDateTime } = useI18n();
  const x = m.exports;
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const me = session?.user?.id;
  const canApprove = hasPermission(session, 'exports:approve');
  const summary = useFilterSummary();
  const now = new Date().toISOString();
  return (
    <Table caption={x.caption} cards testId="export-table">
      <THead>
        <Th>{x.requestedAt}</Th>
        <Th>{x.requestedBy}</Th>
        <Th>{x.reasonColumn}</Th>
        <Th>{x.filters}</Th>
        <Th>{x.status}</Th>
        <Th>{x.decision}</Th>
        <Th>{m.common.actions}</Th>
      </THead>
      <TBody>
        {items.map((e) => {
          const isOwn = e.requestedBy.id === me;
          const isExpired = e.status === 'approved' && e.expiresAt !== null && e.expiresAt <= now;
          const filterText = summary(e.filters)
            .map((f) => `${f.key}: ${f.value}`)
            .join('; ');
          return (
            <Tr key={e.id} testId="export-row">
              <Td label={x.requestedAt}>{formatDateTime(e.requestedAt)}</Td>
              <Td label={x.requestedBy}>{e.requestedBy.displayName}</Td>
              <Td label={x.reasonColumn}>
                <span className="wb-export-reason">{e.reason}</span>
              </Td>
              <Td label={x.filters}>{filterText || x.noFilters}</Td>
              <Td label={x.status}>
                <span data-testid="export-status" data-status={e.status}>
                  <StatusBadge tone={isExpired ? 'inactive' : statusTone[e.status]}>
                    {isExpired ? x.expired : x.statuses[e.status]}
                  </StatusBadge>
                </span>
                {e.status === 'approved' && !isExpired && e.expiresAt ? (
                  <span className="wb-grant-people wb-muted">{x.availableUntil(formatDateTime(e.expiresAt))}</span>
                ) : null}
              </Td>
              <Td label={x.decision}>
                {e.decidedBy && e.decidedAt
                  ? x.decidedBy(e.decidedBy.displayName, formatDateTime(e.decidedAt))
                  : m.common.empty}
                {e.decisionNote ? <span className="wb-grant-people">{e.decisionNote}</span> : null}
              </Td>
              <Td label={m.common.actions}>
                {e.status === 'pending' && canApprove && !isOwn ? (
                  <Button
                    variant="primary"
                    aria-label={x.reviewLabel(e.requestedBy.displayName)}
                    onClick={() => onReview(e.id)}
                    data-testid="export-review"
                  >
                    {x.review}
                  </Button>
                ) : e.status === 'pending' && isOwn ? (
                  <span className="wb-muted">{x.ownRequest}</span>
                ) : e.status === 'approved' && isOwn && !isExpired ? (
                  <Anchor
                    href={exportDownloadUrl(e.id)}
                    download
                    aria-label={x.downloadLabel(formatDateTime(e.requestedAt))}
                    className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
                    data-testid="export-download"
                    onClick={() => {
                      // The server marks it downloaded; refresh once the file has been fetched.
                      setTimeout(() => void queryClient.invalidateQueries({ queryKey: exportKeys.all }), 1500);
                    }}
                  >
                    {x.download}
                  </Anchor>
                ) : (
                  m.common.empty
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}

const decisionFields = ['note'] as const;

function DecisionPanel({ request, onClose }: { request: ExportRequest; onClose: (message: string | null) => void }) {
  const { m, formatDateTime } = useI18n();
  const x = m.exports;
  const queryClient = useQueryClient();
  const summary = useFilterSummary()(request.filters);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const { errors, fail, failWith } = useFormErrors(decisionFields);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const decide = async (approve: boolean) => {
    setBusy(approve ? 'approve' : 'reject');
    try {
      await decideExport(request.id, approve, note.trim() || undefined);
      await queryClient.invalidateQueries({ queryKey: exportKeys.all });
      onClose(approve ? x.approved : x.rejected);
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) fail({}, x.fourEyes);
      else failWith(error);
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="export-decision-title" className="wb-section wb-panel" data-testid="export-decision">
      <Heading level={2} id="export-decision-title" tabIndex={-1} ref={heading}>
        {x.reviewTitle(request.requestedBy.displayName)}
      </Heading>
      <DataList
        items={[
          { key: x.requestedAt, value: formatDateTime(request.requestedAt) },
          { key: x.reason, value: request.reason, multiline: true },
          {
            key: x.filters,
            value: summary.length ? summary.map((f) => `${f.key}: ${f.value}`).join('; ') : x.noFilters,
          },
        ]}
      />
      <ErrorSummary idPrefix="decision" state={errors} labels={{ note: x.note }} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void decide(true);
        }}
      >
        <TextAreaField
          id="decision-note"
          label={x.note}
          optionalText={m.common.optional}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          maxLength={1000}
          error={errors.fields['note']}
        />
        <div className="wb-actions">
          <Button type="submit" variant="primary" busy={busy === 'approve'} data-testid="export-approve">
            {x.approve}
          </Button>
          <Button
            variant="secondary"
            danger
            busy={busy === 'reject'}
            onClick={() => void decide(false)}
            data-testid="export-reject"
          >
            {x.reject}
          </Button>
          <Button variant="subtle" onClick={() => onClose(null)}>
            {m.common.cancel}
          </Button>
        </div>
      </form>
    </section>
  );
}
