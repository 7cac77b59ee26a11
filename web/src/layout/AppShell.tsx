import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { hasPermission, logout, useSession } from '../api/session';
import { useI18n } from '../i18n/i18n';
import { Button } from '../ui/Button';
import { cx } from '../ui/cx';
import { NotificationBell } from '../modules/tasks/NotificationBell';

function LanguageSwitch() {
  const { lang, setLang, m } = useI18n();
  const next = lang === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="utrecht-button utrecht-button--subtle wb-lang"
      lang={next}
      aria-label={m.app.switchLanguageLabel}
      onClick={() => setLang(next)}
      data-testid="language-switch"
    >
      {m.app.switchLanguage}
    </button>
  );
}

function MainNav() {
  const { m } = useI18n();
  const { data: session } = useSession();
  if (session?.stage !== 'active') return null;
  const can = (p: string) => hasPermission(session, p);
  const items = [
    can('incidents:read') ? { to: '/meldingen', label: m.nav.incidents } : null,
    !can('incidents:read') && can('incidents:read_own') ? { to: '/meldingen', label: m.nav.myIncidents } : null,
    !can('incidents:read') && !can('incidents:read_own') && can('shared:read')
      ? { to: '/meldingen', label: m.nav.sharedIncidents }
      : null,
    can('incidents:report') ? { to: '/meldingen/nieuw', label: m.nav.report } : null,
    can('officeholders:read') ? { to: '/ambtsdragers', label: m.nav.officeholders } : null,
    can('threats:read') ? { to: '/dreigingsbeeld', label: m.protection.nav.threatBoard } : null,
    can('pois:manage') ? { to: '/personen', label: m.protection.nav.pois } : null,
    can('work_orders:read_own') ? { to: '/werkorders', label: m.protection.nav.workOrders } : null,
    can('support:request') || can('support:handle') ? { to: '/ondersteuning', label: m.support.title } : null,
    can('organisations:manage') ? { to: '/beheer/organisaties', label: m.nav.organisations } : null,
    can('users:manage') ? { to: '/beheer/gebruikers', label: m.nav.users } : null,
    can('screenings:read') ? { to: '/screening', label: m.screening.nav } : null,
    can('exports:request') || can('exports:approve') ? { to: '/exports', label: m.nav.exports } : null,
    can('audit:read') ? { to: '/fg/audit', label: m.nav.auditLog } : null,
  ].filter((x): x is { to: string; label: string } => x !== null);
  return (
    <nav className="utrecht-nav-bar wb-nav" aria-label={m.app.mainNav}>
      <ul className="utrecht-nav-bar__content wb-nav__list">
        {items.map((item) => (
          <li key={item.to} className="wb-nav__item">
            <NavLink
              to={item.to}
              end
              className={({ isActive }) =>
                cx(
                  'utrecht-link',
                  'utrecht-link--html-a',
                  'wb-nav__link',
                  isActive && 'utrecht-link--current wb-nav__link--current',
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SessionBox() {
  const { m } = useI18n();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  if (session?.stage !== 'active' || !session.user) return null;
  const onLogout = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      navigate('/login', { replace: true });
    }
  };
  return (
    <div className="wb-session">
      <NotificationBell />
      <span className="wb-session__who">
        {m.app.signedInAs(session.user.displayName, session.organisation?.name ?? '')}
      </span>
      {hasPermission(session, 'tokens:manage_own') ? (
        <Link to="/account/api-sleutels" className="utrecht-link wb-session__link" data-testid="api-tokens-link">
          {m.apiTokens.menu}
        </Link>
      ) : null}
      <Button variant="secondary" onClick={() => void onLogout()} data-testid="logout">
        {m.app.logout}
      </Button>
    </div>
  );
}

/** The page frame: skip link, header with language switch and session, navigation, main, footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { m } = useI18n();
  return (
    <div className="utrecht-page wb-page">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {m.app.skipLink}
      </a>
      <header className="utrecht-page-header wb-header">
        <div className="wb-header__bar">
          <Link to="/" className="wb-brand">
            <span className="wb-brand__name">{m.app.name}</span>
            <span className="wb-brand__tagline">{m.app.tagline}</span>
          </Link>
          <div className="wb-header__tools">
            <LanguageSwitch />
            <SessionBox />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" tabIndex={-1} className="utrecht-page-content wb-main">
        {children}
      </main>
      <footer className="utrecht-page-footer wb-footer">
        <p className="wb-footer__text">{m.app.footer}</p>
      </footer>
    </div>
  );
}
