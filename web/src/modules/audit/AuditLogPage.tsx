import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuditEvents, type AuditEvent } from '../../api/audit';
import { Loading } from '../../auth/guards';
import { useI18n } from '../../i18n/i18n';
import { Button, ButtonLink } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Pagination } from '../../ui/Pagination';
import { Table, TBody, Td, Th, THead } from '../../ui/Table';
import { Alert, AppLink, Heading, Paragraph } from '../../ui/Typography';
import { cx } from '../../ui/cx';
import { describeApiError, useFormErrors } from '../../ui/use-form-errors';
import { usePageTitle } from '../../ui/use-page-title';
import {
  auditFiltersFromParams,
  auditPageFromParams,
  isUuid,
  toAuditQuery,
  toAuditSearchParams,
  type AuditFilterValues,
} from './audit-filters';
import { AuditFiltersForm } from './AuditFiltersForm';

const link = (values: Partial<AuditFilterValues>) => `/fg/audit?${toAuditSearchParams(values).toString()}`;

/** The DPO view: who accessed what, when and why; denied attempts; filters live in the URL. */
export function AuditLogPage() {
  const { m } = useI18n();
  const a = m.audit;
  usePageTitle(a.title);
  const [params, setParams] = useSearchParams();
  const values = auditFiltersFromParams(params);
  const page = auditPageFromParams(params);
  const events = useAuditEvents(toAuditQuery(values, page));
  const hrefFor = (n: number) => `?${toAuditSearchParams(values, n).toString()}`;
  const onlyDenied = values.result === 'denied';
  const active = useActiveFilters(values);

  return (
    <div data-testid="audit-page">
      <Heading level={1}>{a.title}</Heading>
      <Paragraph>{a.intro}</Paragraph>
      <section aria-labelledby="audit-quick-title" className="wb-section">
        <Heading level={2} id="audit-quick-title">
          {a.quick}
        </Heading>
        <div className="wb-actions">
          <ButtonLink to={link({})} variant={params.toString() ? 'secondary' : 'primary'} data-testid="audit-quick-all">
            {a.allEvents}
          </ButtonLink>
          <ButtonLink
            to={link({ result: 'denied' })}
            variant={onlyDenied ? 'primary' : 'secondary'}
            data-testid="audit-quick-denied"
          >
            {a.denied}
          </ButtonLink>
        </div>
        <WhoSawForm
          key={values.objectId}
          initial={values.objectType === 'incident' ? values.objectId : ''}
          onShow={(id) => setParams(toAuditSearchParams({ objectType: 'incident', objectId: id }))}
        />
      </section>
      <AuditFiltersForm
        key={params.toString()}
        initial={values}
        onApply={(next) => setParams(toAuditSearchParams(next))}
      />
      {events.isPending ? <Loading /> : null}
      {events.isError ? (
        <Alert type="error">
          <Paragraph>{describeApiError(events.error, m)}</Paragraph>
        </Alert>
      ) : null}
      {events.data ? (
        <>
          <p className="utrecht-paragraph" role="status" data-testid="audit-count">
            {a.count(events.data.total)}
            {active.length > 0 ? ` · ${a.filteredOn(active.join('; '))}` : null}
          </p>
          {events.data.items.length === 0 ? <Paragraph>{a.empty}</Paragraph> : <AuditTable items={events.data.items} />}
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            hrefFor={hrefFor}
          />
        </>
      ) : null}
    </div>
  );
}

/** The filters in force, for people: "Resultaat: Geweigerd; Soort object: Melding". */
function useActiveFilters(values: AuditFilterValues): string[] {
  const { m, formatDate } = useI18n();
  const a = m.audit;
  const show = (key: keyof AuditFilterValues, value: string): string => {
    switch (key) {
      case 'result':
        return a.results[value as keyof typeof a.results] ?? value;
      case 'objectType':
        return a.objectTypes[value] ?? value;
      case 'action':
        return a.actions[value] ?? value;
      case 'from':
      case 'to':
        return formatDate(value);
      default:
        return value.slice(0, 8);
    }
  };
  return (Object.keys(values) as (keyof AuditFilterValues)[])
    .filter((k) => values[k].trim() !== '')
    .map((k) => `${a[k]}: ${show(k, values[k].trim())}`);
}

/** "Who saw this record?": the access log of one incident, by its id. */
function WhoSawForm({ initial, onShow }: { initial: string; onShow: (id: string) => void }) {
  const { m } = useI18n();
  const a = m.audit;
  const [id, setId] = useState(initial);
  const { errors, fail, clear } = useFormErrors(['id']);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!isUuid(id)) return fail({ id: a.invalidId });
    clear();
    onShow(id.trim());
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="audit-whosaw-title" data-testid="audit-whosaw-form">
      <Heading level={3} id="audit-whosaw-title">
        {a.whoSaw}
      </Heading>
      <ErrorSummary idPrefix="audit-whosaw" state={errors} labels={{ id: a.objectId }} />
      <div className="wb-quick">
        <TextField
          id="audit-whosaw-id"
          label={a.objectId}
          hint={a.whoSawHint}
          value={id}
          onChange={(e) => setId(e.target.value)}
          error={errors.fields['id']}
          spellCheck={false}
          autoComplete="off"
          size={38}
        />
        <Button type="submit" variant="secondary" data-testid="audit-whosaw-submit">
          {a.whoSawShow}
        </Button>
      </div>
    </form>
  );
}

function AuditTable({ items }: { items: AuditEvent[] }) {
  const { m, label, formatDateTime } = useI18n();
  const a = m.audit;
  return (
    <Table caption={a.caption} cards testId="audit-table">
      <THead>
        <Th>{a.at}</Th>
        <Th>{a.actor}</Th>
        <Th>{a.action}</Th>
        <Th>{a.object}</Th>
        <Th>{a.purpose}</Th>
        <Th>{a.result}</Th>
        <Th>{a.ip}</Th>
      </THead>
      <TBody>
        {items.map((e) => (
          <tr
            key={e.seq}
            className={cx('utrecht-table__row', e.result !== 'success' && `wb-audit-row--${e.result}`)}
            data-testid="audit-row"
            data-result={e.result}
          >
            <Td label={a.at}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </Td>
            <Td label={a.actor}>
              <span className="wb-cell-links">
                <span>{e.actor?.displayName ?? a.system}</span>
                {e.actorOrganisation ? <span className="wb-muted">{e.actorOrganisation}</span> : null}
                {e.actor ? (
                  <AppLink
                    to={link({ actorUserId: e.actor.id })}
                    aria-label={a.whatDidUserSeeLabel(e.actor.displayName)}
                  >
                    {a.whatDidUserSee}
                  </AppLink>
                ) : null}
              </span>
            </Td>
            <Td label={a.action}>
              {a.actions[e.action] ?? e.action}
              <span className="wb-muted wb-id"> ({e.action})</span>
            </Td>
            <Td label={a.object}>
              {e.objectType ? (
                <span className="wb-cell-links">
                  <span>
                    {a.objectTypes[e.objectType] ?? e.objectType}{' '}
                    {e.objectId ? (
                      <code className="wb-id" title={e.objectId}>
                        {e.objectId.slice(0, 8)}
                      </code>
                    ) : null}
                  </span>
                  {e.objectId ? (
                    <AppLink
                      to={link({ objectType: e.objectType, objectId: e.objectId })}
                      aria-label={a.whoSawThisLabel(
                        `${a.objectTypes[e.objectType] ?? e.objectType} ${e.objectId.slice(0, 8)}`,
                      )}
                      data-testid="audit-whosaw-link"
                    >
                      {a.whoSawThis}
                    </AppLink>
                  ) : null}
                </span>
              ) : (
                m.common.empty
              )}
            </Td>
            <Td label={a.purpose}>{e.purpose ? label('sharingPurposes', e.purpose) : m.common.empty}</Td>
            <Td label={a.result}>
              <span className={`wb-result--${e.result}`} data-testid="audit-result">
                {a.results[e.result] ?? e.result}
              </span>
            </Td>
            <Td label={a.ip}>
              <span className="wb-id wb-nowrap">{e.ip ?? m.common.empty}</span>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
