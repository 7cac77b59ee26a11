import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';

// `required` becomes aria-required: the browser's own :invalid styling would mark empty fields red before any submit.
type Common = { id: string; label: ReactNode; hint?: ReactNode; error?: string | undefined; optionalText?: string };

/** ids of the hint and error, for aria-describedby. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, hint and error around one control (utrecht-form-field). */
function FieldFrame({ id, label, hint, error, optionalText, children }: Common & { children: ReactNode }) {
  return (
    <div className={cx('utrecht-form-field', 'utrecht-form-field--distanced', error && 'utrecht-form-field--invalid')}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {optionalText ? <span className="wb-optional"> {optionalText}</span> : null}
        </label>
      </div>
      {hint ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type TextFieldProps = Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, hint, error, optionalText, className, required, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      <input
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx('utrecht-textbox', 'utrecht-textbox--html-input', error && 'utrecht-textbox--invalid', className)}
      />
    </FieldFrame>
  );
}

type TextAreaProps = Common & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, error, optionalText, className, required, ...input }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      <textarea
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx(
          'utrecht-textarea',
          'utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
          className,
        )}
      />
    </FieldFrame>
  );
}

/** One choice; `description` is shown under the label (and read with it), `disabled` keeps it fixed. */
export type Option = { value: string; label: string; description?: string; disabled?: boolean };
type SelectProps = Common &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { options: Option[]; placeholder?: string };

export function SelectField({
  id,
  label,
  hint,
  error,
  optionalText,
  options,
  placeholder,
  className,
  required,
  ...select
}: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optionalText={optionalText}>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cx('utrecht-select', 'utrecht-select--html-select', error && 'utrecht-select--invalid', className)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

type CheckboxProps = {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
};

/** A single yes/no checkbox with its label beside it. */
export function CheckboxField({ id, label, checked, onChange, hint, disabled }: CheckboxProps) {
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox utrecht-form-field--distanced">
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
      </div>
      <div className="utrecht-form-field__label">
        <label htmlFor={id} className="utrecht-form-label utrecht-form-label--checkbox">
          {label}
        </label>
      </div>
      {hint ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
