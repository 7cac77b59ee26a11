import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// Shapes mirror server/src/modules/support/support.schema.ts.

export type SupportKind =
  'vertrouwelijk_advies' | 'collegiale_ondersteuning' | 'juridische_hulp' | 'psychosociale_zorg';
export type SupportRecipient = 'ambtsdrager' | 'naasten' | 'beide';
export type SupportStatus = 'ingediend' | 'in_behandeling' | 'afgerond' | 'ingetrokken';
export const supportKinds: SupportKind[] = [
  'vertrouwelijk_advies',
  'collegiale_ondersteuning',
  'juridische_hulp',
  'psychosociale_zorg',
];
export const supportRecipients: SupportRecipient[] = ['ambtsdrager', 'naasten', 'beide'];

type Via = 'requester' | 'subject' | 'support_team' | 'granted';

export type SupportRequest = {
  id: string;
  organisationId: string;
  supportOrganisation: { id: string; name: string };
  officeholderId: string;
  requesterUserId: string;
  kind: SupportKind;
  forWhom: SupportRecipient;
  summary: string;
  details: string;
  status: SupportStatus;
  statusReason: string | null;
  version: number;
  access: { via: Via; parts: string[]; canHandle: boolean; canShare: boolean };
  notes:
    | { id: string; authorRole: 'support_team' | 'requester'; authorName: string; body: string; createdAt: string }[]
    | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
};

export type SupportListItem = Pick<
  SupportRequest,
  'id' | 'kind' | 'forWhom' | 'summary' | 'status' | 'officeholderId' | 'createdAt'
> & {
  via: Via;
};

export type SupportCreate = {
  officeholderId?: string;
  supportOrganisationId?: string;
  kind: SupportKind;
  forWhom: SupportRecipient;
  summary: string;
  details: string;
};

const enc = encodeURIComponent;
export const supportKeys = {
  list: ['support-requests'] as const,
  one: (id: string) => ['support-request', id] as const,
  organisations: ['support-organisations'] as const,
};

export function useSupportRequests() {
  return useQuery({ queryKey: supportKeys.list, queryFn: () => api<SupportListItem[]>('GET', '/support-requests') });
}

export function useSupportRequest(id: string) {
  return useQuery({
    queryKey: supportKeys.one(id),
    queryFn: () => api<SupportRequest>('GET', `/support-requests/${enc(id)}`),
  });
}

export function useSupportOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: supportKeys.organisations,
    queryFn: () => api<{ id: string; name: string }[]>('GET', '/support-organisations'),
    enabled,
  });
}

export const createSupportRequest = (input: SupportCreate) => api<SupportRequest>('POST', '/support-requests', input);
export const addSupportNote = (id: string, body: string) =>
  api<SupportRequest>('POST', `/support-requests/${enc(id)}/notes`, { body });
export const changeSupportStatus = (id: string, status: 'in_behandeling' | 'afgerond', version: number) =>
  api<SupportRequest>('POST', `/support-requests/${enc(id)}/status`, { status, version });
