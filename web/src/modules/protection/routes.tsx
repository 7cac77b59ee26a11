import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { RequireAuth, RequirePermission } from '../../auth/guards';
import { InboxPage } from '../tasks/InboxPage';
import { PoiDetailPage } from '../pois/PoiDetailPage';
import { PoiListPage } from '../pois/PoiListPage';
import { WorkOrdersPage } from '../work-orders/WorkOrdersPage';
import { SupportDetailPage } from '../support/SupportDetailPage';
import { SupportPage } from '../support/SupportPage';
import { OfficeholderPage } from './OfficeholderPage';
import { ThreatBoardPage } from './ThreatBoardPage';

function Guard({ anyOf, children }: { anyOf?: string[]; children: ReactNode }) {
  return (
    <RequireAuth>{anyOf ? <RequirePermission anyOf={anyOf}>{children}</RequirePermission> : children}</RequireAuth>
  );
}

const pages: { path: string; anyOf?: string[]; element: ReactNode }[] = [
  // Also for readers of another organisation's officeholder shared with them by a grant.
  {
    path: '/ambtsdragers/:officeholderId',
    anyOf: ['officeholders:read', 'shared:read'],
    element: <OfficeholderPage />,
  },
  { path: '/dreigingsbeeld', anyOf: ['threats:read'], element: <ThreatBoardPage /> },
  { path: '/werkorders', anyOf: ['work_orders:read_own'], element: <WorkOrdersPage /> },
  { path: '/werkorders/:workOrderId', anyOf: ['work_orders:read_own'], element: <WorkOrdersPage /> },
  { path: '/taken-en-berichten', element: <InboxPage /> },
  { path: '/personen', anyOf: ['pois:manage'], element: <PoiListPage /> },
  { path: '/personen/:poiId', anyOf: ['pois:manage'], element: <PoiDetailPage /> },
  { path: '/ondersteuning', anyOf: ['support:request', 'support:handle'], element: <SupportPage /> },
  { path: '/ondersteuning/:requestId', element: <SupportDetailPage /> },
];

/** The protective-intelligence routes, spliced into <Routes> as a fragment (call it, do not render it). */
export function protectionRoutes() {
  return (
    <>
      {pages.map((p) => (
        <Route key={p.path} path={p.path} element={<Guard anyOf={p.anyOf}>{p.element}</Guard>} />
      ))}
    </>
  );
}
