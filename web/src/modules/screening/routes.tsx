import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, RequirePermission } from '../../auth/guards';
import { ScreeningPage } from './ScreeningPage';
import { ScreeningResultPage } from './ScreeningResultPage';

function Guard({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <RequirePermission anyOf={['screenings:read']}>{children}</RequirePermission>
    </RequireAuth>
  );
}

/** The screening routes, spliced into <Routes> as a fragment (call it, do not render it). */
export function screeningRoutes() {
  return (
    <>
      <Route
        path="/screening"
        element={
          <Guard>
            <ScreeningPage />
          </Guard>
        }
      />
      <Route
        path="/screening/:screeningId"
        element={
          <Guard>
            <ScreeningResultPage />
          </Guard>
        }
      />
    </>
  );
}
