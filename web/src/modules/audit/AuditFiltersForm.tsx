import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/use-form-errors';
import {
  auditFilterKeys,
  blankAuditFilters,
  hasAdvancedAuditFilter,
  isUuid,
  type AuditFilterKey,
  type AuditFilterValues,
} from './audit-filters';

type Props = { initial: AuditFilterValues; onApply: (values: AuditFilterValues) => void };

/** Every filter of the access log; applied on submit, since each search is itself recorded. */
export function AuditFiltersForm({ initial, onApply }: Props) {
  const { m } = useI18n();
  const a = m.audit;
  const [values, setValues] = useState<AuditFilterValues>(initial);
  const { errors, fail, clear } = useFormErrors(auditFilterKeys);
  const set = (key: AuditFilterKey) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (values.objectId.trim() && !isUuid(values.objectId)) problems['objectId'] = a.invalidId;
    if (values.actorUserId.trim() && !isUuid(values.actorUserId)) problems['actorUserId'] = a.invalidId;
    if (values.from && values.to && values.to < values.from) problems['to'] = a.toBeforeFrom;
    if (Object.keys(problems).length > 0) return fail(problems);
    clear();
    onApply(values);
  };

  return (
    <details className="wb-filters" open={hasAdvancedAuditFilter(initial) || undefined}>
      <summary className="wb-filters__summary">{a.filters}</summary>
      <ErrorSummary
        idPrefix="audit-filter"
        state={errors}
        labels={{ objectId: a.objectId, actorUserId: a.actorUserId, to: a.to }}
      />
      <form
        onSubmit={onSubmit}
        className="wb-filters__form"
        role="search"
        aria-label={a.filters}
        noValidate
        data-testid="audit-filters"
      >
        <div className="wb-filters__grid">
          <SelectField
            id="audit-filter-result"
            label={a.result}
            value={values.result}
            onChange={set('result')}
            placeholder={m.common.any}
            options={(['success', 'denied', 'failure'] as const).map((r) => ({ value: r, label: a.results[r] }))}
          />
          <SelectField
            id="audit-filter-objectType"
            label={a.objectType}
            value={values.objectType}
            onChange={set('objectType')}
            placeholder={m.common.any}
            options={Object.entries(a.objectTypes).map(([value, label]) => ({ value, label }))}
          />
          <TextField
            id="audit-filter-objectId"
            label={a.objectId}
            value={values.objectId}
            onChange={set('objectId')}
            error={errors.fields['objectId']}
            spellCheck={false}
            autoComplete="off"
          />
          <TextField
            id="audit-filter-actorUserId"
            label={a.actorUserId}
            value={values.actorUserId}
            onChange={set('actorUserId')}
            error={errors.fields['actorUserId']}
            spellCheck={false}
            autoComplete="off"
          />
          <TextField
            id="audit-filter-action"
            label={a.action}
            hint={a.actionHint}
            value={values.action}
            onChange={set('action')}
            list="audit-actions"
            maxLength={100}
            spellCheck={false}
            autoComplete="off"
          />
          <datalist id="audit-actions">
            {Object.entries(a.actions).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </datalist>
          <TextField id="audit-filter-from" type="date" label={a.from} value={values.from} onChange={set('from')} />
          <TextField
            id="audit-filter-to"
            type="date"
            label={a.to}
            value={values.to}
            onChange={set('to')}
            error={errors.fields['to']}
          />
        </div>
        <div className="wb-actions">
          <Button type="submit" variant="primary" data-testid="audit-filters-apply">
            {a.apply}
          </Button>
          <Button
            type="button"
            variant="subtle"
            onClick={() => {
              clear();
              setValues(blankAuditFilters);
              onApply(blankAuditFilters);
            }}
          >
            {a.reset}
          </Button>
        </div>
      </form>
    </details>
  );
}
