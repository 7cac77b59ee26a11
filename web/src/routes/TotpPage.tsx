import { verifyTotp } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { AppLink, Heading, Paragraph } from '../ui/Typography';
import { usePageTitle } from '../ui/use-page-title';
import { CodeForm } from './CodeForm';
import { useFinishLogin } from './login-flow';

/** Step 2 of login for an enrolled user: the TOTP code. */
export function TotpPage() {
  const { m } = useI18n();
  usePageTitle(m.totp.title);
  const finish = useFinishLogin();
  return (
    <div className="wb-narrow">
      <Heading level={1}>{m.totp.title}</Heading>
      <Paragraph>{m.totp.intro}</Paragraph>
      <CodeForm
        idPrefix="totp"
        submitLabel={m.totp.submit}
        failedMessage={m.totp.failed}
        onCode={async (code) => {
          await verifyTotp(code);
          await finish();
        }}
      />
      <Paragraph>
        <AppLink to="/login">{m.login.restart}</AppLink>
      </Paragraph>
    </div>
  );
}
