import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Page } from './types';

// Shapes mirror server/src/platform/audit/audit.schema.ts.

export type AuditResult = 'success' | 'denied' | 'failure';

export type AuditEvent = {
  seq: number;
  at: string;
  action: string;
  result: AuditResult;
  actor: { id: string; displayName: string } | null;
  /** The actor's organisation (another one for reads through a grant). */
  actorOrganisation: string | null;
  objectType: string | null;
  objectId: string | null;
  purpose: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
};

/** The filters of GET /audit/events, as they appear in the URL of the DPO view. */
export type AuditQuery = {
  objectType?: string;
  objectId?: string;
  actorUserId?: string;
  action?: string;
  result?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

/** Who accessed what, when and why; looking is itself audited, so the query runs on submit only. */
export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: () => api<Page<AuditEvent>>('GET', `/audit/events${queryString(query)}`),
    placeholderData: keepPreviousData,
  });
}
