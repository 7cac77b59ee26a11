import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { FormErrors } from './use-form-errors';

type Props = {
  /** Prefix of the field ids: a field `summary` has the id `${idPrefix}-summary`. */
  idPrefix: string;
  state: FormErrors;
  labels: Record<string, string>;
};

function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  const control = element.matches('input, select, textarea')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea');
  (control ?? element).focus();
}

/** The list of problems at the top of a form; it takes focus after every failed submit. */
export function ErrorSummary({ idPrefix, state, labels }: Props) {
  const { m } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(state.fields);
  const hasProblems = entries.length > 0 || state.form !== null;
  useEffect(() => {
    if (state.attempt > 0 && hasProblems) ref.current?.focus();
  }, [state.attempt, hasProblems]);
  if (!hasProblems) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="utrecht-alert utrecht-alert--error wb-error-summary"
      role="alert"
      aria-labelledby={`${idPrefix}-error-summary-title`}
      data-testid="error-summary"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-3" id={`${idPrefix}-error-summary-title`}>
            {m.common.errorSummary}
          </h2>
          {state.form ? <p className="utrecht-paragraph">{state.form}</p> : null}
          {entries.length > 0 ? (
            <ul className="utrecht-unordered-list">
              {entries.map(([field, message]) => (
                <li key={field} className="utrecht-unordered-list__item">
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={`#${idPrefix}-${field}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusField(`${idPrefix}-${field}`);
                    }}
                  >
                    {labels[field] ? `${labels[field]}: ${message}` : message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {state.requestId ? (
            <p className="utrecht-paragraph utrecht-paragraph--small">{m.common.requestId(state.requestId)}</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
