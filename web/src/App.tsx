import { useEffect, useRef, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { useSession } from './api/session';
import { HomeRedirect, RequireAuth, RequirePermission } from './auth/guards';
import { useI18n } from './i18n/i18n';
import { AppShell } from './layout/AppShell';
import { IncidentDetailPage } from './modules/incidents/IncidentDetailPage';
import { IncidentListPage } from './modules/incidents/IncidentListPage';
import { QuickReportPage } from './modules/incidents/QuickReportPage';
import { OfficeholderEditPage } from './modules/officeholders/OfficeholderEditPage';
import { OfficeholdersPage } from './modules/officeholders/OfficeholdersPage';
import { OrganisationsPage } from './modules/admin/OrganisationsPage';
import { UsersPage } from './modules/admin/UsersPage';
import { AuditLogPage } from './modules/audit/AuditLogPage';
import { ExportsPage } from './modules/exports/ExportsPage';
import { ApiTokensPage } from './modules/account/ApiTokensPage';
import { protectionRoutes } from './modules/protection/routes';
import { screeningRoutes } from './modules/screening/routes';
import { EnrolPage } from './routes/EnrolPage';
import { LoginPage } from './routes/LoginPage';
import { TotpPage } from './routes/TotpPage';
import { Heading, Paragraph, AppLink } from './ui/Typography';
import { usePageTitle } from './ui/use-page-title';

function Protected({ anyOf, children }: { anyOf?: string[]; children: ReactNode }) {
  return (
    <RequireAuth>{anyOf ? <RequirePermission anyOf={anyOf}>{children}</RequirePermission> : children}</RequireAuth>
  );
}

function NotFound() {
  const { m } = useI18n();
  usePageTitle(m.app.notFoundTitle);
  return (
    <>
      <Heading level={1}>{m.app.notFoundTitle}</Heading>
      <Paragraph>{m.app.notFoundText}</Paragraph>
      <Paragraph>
        <AppLink to="/">{m.app.toHome}</AppLink>
      </Paragraph>
    </>
  );
}

function Welcome() {
  const { m } = useI18n();
  const { data: session } = useSession();
  const name = session?.user?.displayName ?? '';
  usePageTitle(m.app.welcomeTitle(name));
  return (
    <>
      <Heading level={1}>{m.app.welcomeTitle(name)}</Heading>
      <Paragraph>{m.app.welcomeText}</Paragraph>
    </>
  );
}

/** After client-side navigation, put focus at the start of the new page's content, as a page load would. */
function useFocusMainOnNavigate(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: false });
  }, [pathname]);
}

const read = ['incidents:read', 'incidents:read_own', 'shared:read'];

export function App() {
  useFocusMainOnNavigate();
  return (
    <AppShell>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/login/totp" element={<TotpPage />} />
        <Route path="/login/enrol" element={<EnrolPage />} />
        <Route
          path="/"
          element={
            <Protected>
              <HomeRedirect />
            </Protected>
          }
        />
        <Route
          path="/welkom"
          element={
            <Protected>
              <Welcome />
            </Protected>
          }
        />
        <Route
          path="/meldingen"
          element={
            <Protected anyOf={read}>
              <IncidentListPage />
            </Protected>
          }
        />
        <Route
          path="/meldingen/nieuw"
          element={
            <Protected anyOf={['incidents:report']}>
              <QuickReportPage />
            </Protected>
          }
        />
        <Route
          path="/meldingen/:incidentId"
          element={
            <Protected anyOf={read}>
              <IncidentDetailPage />
            </Protected>
          }
        />
        <Route
          path="/ambtsdragers"
          element={
            <Protected anyOf={['officeholders:read']}>
              <OfficeholdersPage />
            </Protected>
          }
        />
        <Route
          path="/ambtsdragers/nieuw"
          element={
            <Protected anyOf={['officeholders:manage']}>
              <OfficeholderEditPage />
            </Protected>
          }
        />
        <Route
          path="/ambtsdragers/:officeholderId/bewerken"
          element={
            <Protected anyOf={['officeholders:manage']}>
              <OfficeholderEditPage />
            </Protected>
          }
        />
        <Route
          path="/beheer/organisaties"
          element={
            <Protected anyOf={['organisations:manage']}>
              <OrganisationsPage />
            </Protected>
          }
        />
        <Route
          path="/beheer/gebruikers"
          element={
            <Protected anyOf={['users:manage']}>
              <UsersPage />
            </Protected>
          }
        />
        <Route
          path="/fg/audit"
          element={
            <Protected anyOf={['audit:read']}>
              <AuditLogPage />
            </Protected>
          }
        />
        <Route
          path="/exports"
          element={
            <Protected anyOf={['exports:request', 'exports:approve']}>
              <ExportsPage />
            </Protected>
          }
        />
        <Route
          path="/account/api-sleutels"
          element={
            <Protected anyOf={['tokens:manage_own']}>
              <ApiTokensPage />
            </Protected>
          }
        />
        {protectionRoutes()}
        {screeningRoutes()}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AppShell>
  );
}
