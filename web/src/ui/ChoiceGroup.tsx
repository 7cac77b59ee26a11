import type { ReactNode } from 'react';
import { cx } from './cx';
import { describedBy, type Option } from './Field';

type GroupProps = {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Option[];
  /** Lay the options out in columns on wide screens. */
  columns?: boolean;
};

type CheckboxGroupProps = GroupProps & { value: string[]; onChange: (value: string[]) => void };
type RadioGroupProps = GroupProps & { name: string; value: string; onChange: (value: string) => void };

function Frame({ id, legend, hint, error, columns, children }: Omit<GroupProps, 'options'> & { children: ReactNode }) {
  return (
    <div className="utrecht-form-field--distanced">
      <fieldset
        id={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={cx(
          'utrecht-form-fieldset',
          'utrecht-form-fieldset--html-fieldset',
          error && 'utrecht-form-fieldset--invalid',
        )}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
        {hint ? (
          <div className="utrecht-form-field-description" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <div className="utrecht-form-field-error-message" id={`${id}-error`}>
            {error}
          </div>
        ) : null}
        <div className={cx('wb-choices', columns && 'wb-choices--columns')}>{children}</div>
      </fieldset>
    </div>
  );
}

function ChoiceLabel({ id, option: o, kind }: { id: string; option: Option; kind: 'checkbox' | 'radio' }) {
  const label = (
    <label htmlFor={`${id}-${o.value}`} className={`utrecht-form-label utrecht-form-label--${kind}`}>
      {o.label}
    </label>
  );
  if (!o.description) return label;
  return (
    <div className="wb-choice__text">
      {label}
      <div className="wb-choice__description" id={`${id}-${o.value}-description`}>
        {o.description}
      </div>
    </div>
  );
}

/** A fieldset of checkboxes for a multi-valued code list. */
export function CheckboxGroup({ id, value, onChange, options, ...frame }: CheckboxGroupProps) {
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...value.filter((v) => v !== code), code] : value.filter((v) => v !== code));
  return (
    <Frame id={id} {...frame}>
      {options.map((o) => (
        <div className="utrecht-form-field utrecht-form-field--checkbox wb-choice" key={o.value}>
          <input
            type="checkbox"
            id={`${id}-${o.value}`}
            value={o.value}
            checked={o.disabled ? true : value.includes(o.value)}
            disabled={o.disabled}
            aria-describedby={o.description ? `${id}-${o.value}-description` : undefined}
            onChange={(e) => toggle(o.value, e.target.checked)}
            className="utrecht-checkbox utrecht-checkbox--html-input"
          />
          <ChoiceLabel id={id} option={o} kind="checkbox" />
        </div>
      ))}
    </Frame>
  );
}

/** A fieldset of radio buttons for a single code. */
export function RadioGroup({ id, name, value, onChange, options, ...frame }: RadioGroupProps) {
  return (
    <Frame id={id} {...frame}>
      {options.map((o) => (
        <div className="utrecht-form-field utrecht-form-field--radio wb-choice" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={name}
            value={o.value}
            checked={value === o.value}
            disabled={o.disabled}
            aria-describedby={o.description ? `${id}-${o.value}-description` : undefined}
            onChange={() => onChange(o.value)}
            className={cx(
              'utrecht-radio-button',
              'utrecht-radio-button--html-input',
              value === o.value && 'utrecht-radio-button--checked',
            )}
          />
          <ChoiceLabel id={id} option={o} kind="radio" />
        </div>
      ))}
    </Frame>
  );
}
