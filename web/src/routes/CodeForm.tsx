import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextField } from '../ui/Field';
import { useFormErrors } from '../ui/use-form-errors';

const fields = ['code'] as const;

type Props = { idPrefix: string; submitLabel: string; onCode: (code: string) => Promise<void>; failedMessage: string };

/** The 6-digit code field shared by TOTP login and enrolment. */
export function CodeForm({ idPrefix, submitLabel, onCode, failedMessage }: Props) {
  const { m } = useI18n();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail } = useFormErrors(fields);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return fail({ code: m.totp.codeFormat });
    setBusy(true);
    try {
      await onCode(digits);
    } catch {
      setCode('');
      fail({ code: failedMessage });
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary idPrefix={idPrefix} state={errors} labels={{ code: m.totp.code }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid={`${idPrefix}-form`}>
        <TextField
          id={`${idPrefix}-code`}
          name="code"
          label={m.totp.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={7}
          className="utrecht-textbox--numeric wb-code-input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.fields['code']}
          required
        />
        <Button type="submit" variant="primary" busy={busy} data-testid={`${idPrefix}-submit`}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
