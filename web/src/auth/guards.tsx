import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { hasPermission, useSession } from '../api/session';
import type { SessionInfo } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Alert, AppLink, Heading, Paragraph } from '../ui/Typography';
import { usePageTitle } from '../ui/use-page-title';

export function Loading() {
  const { m } = useI18n();
  return (
    <p className="utrecht-paragraph" role="status" aria-live="polite">
      {m.app.loading}
    </p>
  );
}

/** Renders the page only for an active session; otherwise sends the user to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: session, isPending, isError } = useSession();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (isError || session.stage !== 'active') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <>{children}</>;
}

export function Forbidden() {
  const { m } = useI18n();
  usePageTitle(m.app.forbiddenTitle);
  return (
    <>
      <Heading level={1}>{m.app.forbiddenTitle}</Heading>
      <Alert type="warning" live={false}>
        <Paragraph>{m.app.forbiddenText}</Paragraph>
      </Alert>
      <Paragraph>
        <AppLink to="/">{m.app.toHome}</AppLink>
      </Paragraph>
    </>
  );
}

/** Shows the page only to users holding one of the permissions. */
export function RequirePermission({ anyOf, children }: { anyOf: string[]; children: ReactNode }) {
  const { data: session } = useSession();
  if (!anyOf.some((p) => hasPermission(session, p))) return <Forbidden />;
  return <>{children}</>;
}

/** Where a user lands after login, by what they may do. */
export function landingPath(session: SessionInfo | undefined): string {
  // The security company's only page: its work orders.
  if (hasPermission(session, 'work_orders:read_own')) return '/werkorders';
  // Bibob-coördinators and RIEC analysts come for screening, not for incidents.
  if (hasPermission(session, 'screenings:create') && !hasPermission(session, 'incidents:read')) return '/screening';
  if (['incidents:read', 'incidents:read_own', 'shared:read'].some((p) => hasPermission(session, p)))
    return '/meldingen';
  if (hasPermission(session, 'officeholders:read')) return '/ambtsdragers';
  if (hasPermission(session, 'audit:read')) return '/fg/audit';
  if (hasPermission(session, 'users:manage')) return '/beheer/gebruikers';
  if (hasPermission(session, 'organisations:manage')) return '/beheer/organisaties';
  return '/welkom';
}

export function HomeRedirect() {
  const { data: session } = useSession();
  return <Navigate to={landingPath(session)} replace />;
}
