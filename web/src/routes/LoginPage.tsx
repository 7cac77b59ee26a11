import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { login, useSession } from '../api/session';
import { landingPath } from '../auth/guards';
import { useI18n } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextField } from '../ui/Field';
import { Heading, Paragraph } from '../ui/Typography';
import { usePageTitle } from '../ui/use-page-title';
import { useFormErrors } from '../ui/use-form-errors';

const fields = ['email', 'password'] as const;

/** Step 1 of login: e-mail and password. One message for every failure, so accounts cannot be probed. */
export function LoginPage() {
  const { m } = useI18n();
  usePageTitle(m.login.title);
  const navigate = useNavigate();
  const location = useLocation();
  const { data: session } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, fail } = useFormErrors(fields);

  if (session?.stage === 'active') return <Navigate to={landingPath(session)} replace />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems['email'] = m.login.emailRequired;
    if (!password) problems['password'] = m.login.passwordRequired;
    if (Object.keys(problems).length > 0) return fail(problems);
    setBusy(true);
    try {
      const result = await login(email.trim(), password);
      const next = result.next === 'totp_enrol' ? '/login/enrol' : '/login/totp';
      navigate(next, { state: location.state as unknown });
    } catch (error) {
      setPassword('');
      const tooMany = error instanceof ApiError && error.code === 'too_many_requests';
      const network = error instanceof ApiError && error.code === 'network';
      fail({}, tooMany ? m.common.tooMany : network ? m.common.networkError : m.login.failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wb-narrow">
      <Heading level={1}>{m.login.title}</Heading>
      <Paragraph>{m.login.intro}</Paragraph>
      <ErrorSummary idPrefix="login" state={errors} labels={{ email: m.login.email, password: m.login.password }} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="login-form">
        <TextField
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          label={m.login.email}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields['email']}
          required
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={m.login.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields['password']}
          required
        />
        <Button type="submit" variant="primary" busy={busy} data-testid="login-submit">
          {m.login.submit}
        </Button>
      </form>
    </div>
  );
}
