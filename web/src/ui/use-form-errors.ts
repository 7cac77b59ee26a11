import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { Messages } from '../i18n/nl';

export type FormErrors = {
  fields: Record<string, string>;
  form: string | null;
  requestId: string | null;
  /** Counts failed submits so the summary can take focus again each time. */
  attempt: number;
};

const none: FormErrors = { fields: {}, form: null, requestId: null, attempt: 0 };

/** A message for people for an API failure that is not about one field. */
export function describeApiError(error: unknown, m: Messages): string {
  if (!(error instanceof ApiError)) return m.common.genericError;
  switch (error.code) {
    case 'network':
      return m.common.networkError;
    case 'forbidden':
      return m.common.forbidden;
    case 'too_many_requests':
      return m.common.tooMany;
    case 'busy':
      return m.common.busy;
    case 'conflict':
      return m.common.conflict;
    case 'not_found':
      return m.common.notFound;
    default:
      return error.message || m.common.genericError;
  }
}

/** Field and form errors of one form, filled from client checks or from an ApiError. */
export function useFormErrors(knownFields: readonly string[]) {
  const { m } = useI18n();
  const [state, setState] = useState<FormErrors>(none);

  const fail = useCallback((fields: Record<string, string>, form: string | null = null) => {
    setState((s) => ({ fields, form, requestId: null, attempt: s.attempt + 1 }));
  }, []);

  const failWith = useCallback(
    (error: unknown) => {
      const fields: Record<string, string> = {};
      let form: string | null = null;
      if (error instanceof ApiError && error.code === 'validation_failed') {
        for (const [field, message] of Object.entries(error.fieldErrors())) {
          if (knownFields.includes(field)) fields[field] = message;
          else form = form ? `${form}; ${field}: ${message}` : `${field}: ${message}`;
        }
        if (Object.keys(fields).length === 0 && !form) form = error.message;
      } else {
        form = describeApiError(error, m);
      }
      const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : null;
      setState((s) => ({ fields, form, requestId, attempt: s.attempt + 1 }));
    },
    [knownFields, m],
  );

  const clear = useCallback(() => setState((s) => ({ ...none, attempt: s.attempt })), []);
  return { errors: state, fail, failWith, clear };
}
