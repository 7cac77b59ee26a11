import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// Shapes mirror server/src/modules/exports/exports.schema.ts.

export type ExportStatus = 'pending' | 'approved' | 'rejected' | 'downloaded';

export type ExportRequest = {
  id: string;
  kind: 'incidents_csv';
  filters: Record<string, unknown>;
  reason: string;
  status: ExportStatus;
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** End of the download window of an approved request. */
  expiresAt: string | null;
};

/** The incident list filters the export applies (the list filters without paging). */
export type ExportFilters = Partial<
  Record<'from' | 'to' | 'form' | 'channel' | 'status' | 'process' | 'officeholderId' | 'q', string>
>;

export const exportKeys = { all: ['exports'] as const };

export function useExports(enabled = true) {
  return useQuery({ queryKey: exportKeys.all, queryFn: () => api<ExportRequest[]>('GET', '/exports'), enabled });
}

export const requestExport = (filters: ExportFilters, reason: string): Promise<ExportRequest> =>
  api<ExportRequest>('POST', '/exports', { kind: 'incidents_csv', filters, reason });

/** Approves or rejects a request of someone else (four eyes: the server refuses the requester with 403). */
export const decideExport = (id: string, approve: boolean, note?: string): Promise<ExportRequest> =>
  api<ExportRequest>('POST', `/exports/${encodeURIComponent(id)}/decision`, { approve, ...(note ? { note } : {}) });

/** The CSV of an approved request; it can be downloaded once, by the requester. */
export const exportDownloadUrl = (id: string): string => `/api/v1/exports/${encodeURIComponent(id)}/download`;
