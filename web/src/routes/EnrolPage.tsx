import { useQuery } from '@tanstack/react-query';
import { confirmEnrolment, startEnrolment } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Alert, AppLink, Heading, Paragraph } from '../ui/Typography';
import { usePageTitle } from '../ui/use-page-title';
import { Loading } from '../auth/guards';
import { CodeForm } from './CodeForm';
import { useFinishLogin } from './login-flow';

/** Groups a base32 secret in fours so it can be typed over without losing one's place. */
const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** First login: show the QR code and the key, then confirm with a first code. */
export function EnrolPage() {
  const { m } = useI18n();
  usePageTitle(m.enrol.title);
  const finish = useFinishLogin();
  // A query (not an effect) so a re-render or StrictMode never starts a second enrolment.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment'],
    queryFn: startEnrolment,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  return (
    <div className="wb-narrow">
      <Heading level={1}>{m.enrol.title}</Heading>
      <Paragraph>{m.enrol.intro}</Paragraph>
      {enrolment.isPending ? <Loading /> : null}
      {enrolment.isError ? (
        <>
          <Alert type="error">
            <Paragraph>{m.enrol.startFailed}</Paragraph>
          </Alert>
          <Paragraph>
            <AppLink to="/login">{m.login.restart}</AppLink>
          </Paragraph>
        </>
      ) : null}
      {enrolment.data ? (
        <>
          <Paragraph>{m.enrol.step1}</Paragraph>
          <img
            className="wb-qr"
            src={enrolment.data.qrDataUrl}
            alt={m.enrol.qrAlt}
            width={200}
            height={200}
            data-testid="totp-qr"
          />
          <Paragraph>{m.enrol.manual}</Paragraph>
          <p className="utrecht-paragraph">
            <code className="wb-secret" data-testid="totp-secret" data-secret={enrolment.data.secret}>
              {groupSecret(enrolment.data.secret)}
            </code>
          </p>
          <Paragraph>{m.enrol.step2}</Paragraph>
          <CodeForm
            idPrefix="enrol"
            submitLabel={m.enrol.submit}
            failedMessage={m.totp.failed}
            onCode={async (code) => {
              await confirmEnrolment(code);
              await finish();
            }}
          />
        </>
      ) : null}
    </div>
  );
}
