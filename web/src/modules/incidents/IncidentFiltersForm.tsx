import { useState, type FormEvent } from 'react';
import { useOfficeholders } from '../../api/admin';
import { useTaxonomy } from '../../api/session';
import { useI18n } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { useCodeOptions } from './options';
import { filterKeys, hasAnyFilter, type FilterKey, type FilterValues } from './filters';

type Props = { initial: FilterValues; showOfficeholder: boolean; onApply: (values: FilterValues) => void };

const blank = Object.fromEntries(filterKeys.map((k) => [k, ''])) as FilterValues;

/** Period, code and text filters; applied on submit so each change does not trigger an audited read. */
export function IncidentFiltersForm({ initial, showOfficeholder, onApply }: Props) {
  const { m, label } = useI18n();
  const taxonomy = useTaxonomy();
  const officeholders = useOfficeholders(true, showOfficeholder);
  const options = useCodeOptions();
  const [values, setValues] = useState<FilterValues>(initial);
  const set = (key: FilterKey) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  const t = taxonomy.data;
  return (
    <details className="wb-filters" open={hasAnyFilter(initial) || undefined}>
      <summary className="wb-filters__summary">{m.list.filters}</summary>
      <form
        onSubmit={onSubmit}
        className="wb-filters__form"
        role="search"
        aria-label={m.list.filters}
        data-testid="incident-filters"
      >
        <div className="wb-filters__grid">
          <TextField
            id="filter-q"
            type="search"
            label={m.list.q}
            value={values.q}
            onChange={set('q')}
            maxLength={200}
          />
          <TextField id="filter-from" type="date" label={m.list.from} value={values.from} onChange={set('from')} />
          <TextField id="filter-to" type="date" label={m.list.to} value={values.to} onChange={set('to')} />
          <SelectField
            id="filter-form"
            label={m.fields.forms}
            value={values.form}
            onChange={set('form')}
            placeholder={m.common.any}
            options={options('forms', t?.forms)}
          />
          <SelectField
            id="filter-channel"
            label={m.fields.channel}
            value={values.channel}
            onChange={set('channel')}
            placeholder={m.common.any}
            options={options('channels', t?.channels)}
          />
          <SelectField
            id="filter-status"
            label={m.fields.status}
            value={values.status}
            onChange={set('status')}
            placeholder={m.common.any}
            options={options('statuses', t?.statuses)}
          />
          <SelectField
            id="filter-process"
            label={m.fields.municipalProcess}
            value={values.process}
            onChange={set('process')}
            placeholder={m.common.any}
            options={options('municipalProcesses', t?.municipalProcesses)}
          />
          {showOfficeholder ? (
            <SelectField
              id="filter-officeholderId"
              label={m.fields.officeholder}
              value={values.officeholderId}
              onChange={set('officeholderId')}
              placeholder={m.common.any}
              options={(officeholders.data ?? []).map((o) => ({
                value: o.id,
                label: `${o.fullName} (${label('offices', o.office)})`,
              }))}
            />
          ) : null}
        </div>
        <div className="wb-actions">
          <Button type="submit" variant="primary" data-testid="filters-apply">
            {m.list.apply}
          </Button>
          <Button
            type="button"
            variant="subtle"
            onClick={() => {
              setValues(blank);
              onApply(blank);
            }}
          >
            {m.list.reset}
          </Button>
        </div>
      </form>
    </details>
  );
}
