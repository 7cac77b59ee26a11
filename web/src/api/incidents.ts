import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from './client';
import type {
  Attachment,
  Incident,
  IncidentEvent,
  IncidentListItem,
  IncidentUpdate,
  Page,
  QuickReport,
  StatusChange,
} from './types';

/** The list filters as they appear in the URL and in GET /incidents. */
export type IncidentFilters = {
  from?: string;
  to?: string;
  form?: string;
  channel?: string;
  status?: string;
  process?: string;
  officeholderId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (filters: IncidentFilters) => ['incidents', 'list', filters] as const,
  one: (id: string) => ['incidents', 'one', id] as const,
  events: (id: string) => ['incidents', 'events', id] as const,
};

export function useIncidents(filters: IncidentFilters) {
  return useQuery({
    queryKey: incidentKeys.list(filters),
    queryFn: () => api<Page<IncidentListItem>>('GET', `/incidents${queryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: incidentKeys.one(id),
    queryFn: () => api<Incident>('GET', `/incidents/${encodeURIComponent(id)}`),
  });
}

export function useIncidentEvents(id: string) {
  return useQuery({
    queryKey: incidentKeys.events(id),
    queryFn: () => api<IncidentEvent[]>('GET', `/incidents/${encodeURIComponent(id)}/events`),
  });
}

export const reportIncident = (input: QuickReport): Promise<Incident> => api<Incident>('POST', '/incidents', input);

export const updateIncident = (id: string, input: IncidentUpdate): Promise<Incident> =>
  api<Incident>('PATCH', `/incidents/${encodeURIComponent(id)}`, input);

export const changeIncidentStatus = (id: string, input: StatusChange): Promise<Incident> =>
  api<Incident>('POST', `/incidents/${encodeURIComponent(id)}/status`, input);

export function uploadAttachment(id: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<Attachment>('POST', `/incidents/${encodeURIComponent(id)}/attachments`, form);
}

export const attachmentUrl = (incidentId: string, attachmentId: string): string =>
  `/api/v1/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** Records why the reader opens a confidential or shared record (asked once per session; the server answers 428 until then). */
export const giveAccessReason = (
  recordId: string,
  purpose: string,
  note?: string,
  recordType: 'incident' | 'officeholder' | 'poi' | 'screening' = 'incident',
): Promise<void> => api<void>('POST', '/access-reasons', { recordType, recordId, purpose, ...(note ? { note } : {}) });
