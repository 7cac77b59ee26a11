import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { SharingPurpose, Tlp } from './codes';

// Shapes mirror server/src/modules/sharing/sharing.schema.ts.

export type GrantStatus = 'active' | 'expired' | 'revoked';

export type Grant = {
  id: string;
  recordType: string;
  recordId: string;
  grantee: { id: string; name: string };
  namedUsers: { id: string; displayName: string }[];
  purpose: SharingPurpose;
  legalBasis: string;
  parts: string[];
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  status: GrantStatus;
};

export type GrantCreate = {
  granteeOrganisationId: string;
  namedUserIds?: string[];
  purpose: SharingPurpose;
  legalBasis: string;
  parts: string[];
  expiresAt: string;
};

export const sharingKeys = {
  grants: (incidentId: string) => ['grants', incidentId] as const,
  targets: ['share-targets'] as const,
  targetUsers: (organisationId: string) => ['share-targets', organisationId, 'users'] as const,
};

/** The grants on an incident of the own organisation (active, expired and revoked). */
export function useIncidentGrants(incidentId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.grants(incidentId),
    queryFn: () => api<Grant[]>('GET', `/incidents/${encodeURIComponent(incidentId)}/grants`),
    enabled,
  });
}

export const createIncidentGrant = (incidentId: string, input: GrantCreate): Promise<Grant> =>
  api<Grant>('POST', `/incidents/${encodeURIComponent(incidentId)}/grants`, input);

/** Record types the web app shares, and the API collection each lives under. */
export type SharedRecordType = 'incident' | 'officeholder' | 'poi' | 'screening' | 'dataset';
/** What the sharing components need of a record. */
export type SharedRecord = { id: string; organisationId: string; tlp?: Tlp | null | undefined };
const collection: Record<SharedRecordType, string> = {
  incident: 'incidents',
  officeholder: 'officeholders',
  poi: 'pois',
  screening: 'screenings',
  dataset: 'datasets',
};
const recordPath = (type: SharedRecordType, id: string) => `/${collection[type]}/${encodeURIComponent(id)}`;

/** The grants on a record of the own organisation, of any shared type. */
export function useRecordGrants(type: SharedRecordType, recordId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.grants(recordId),
    queryFn: () => api<Grant[]>('GET', `${recordPath(type, recordId)}/grants`),
    enabled,
  });
}

export const createRecordGrant = (type: SharedRecordType, recordId: string, input: GrantCreate): Promise<Grant> =>
  api<Grant>('POST', `${recordPath(type, recordId)}/grants`, input);

export const setRecordTlp = (type: SharedRecordType, recordId: string, tlp: Tlp): Promise<void> =>
  api<void>('PUT', `${recordPath(type, recordId)}/tlp`, { tlp });

/** Revokes a grant; it stops working at once. */
export const revokeGrant = (grantId: string): Promise<void> =>
  api<void>('DELETE', `/grants/${encodeURIComponent(grantId)}`);

/** Sets the TLP 2.0 marking; the server answers 409 (conflict) for RED while organisation-wide grants are live. */
export const setIncidentTlp = (incidentId: string, tlp: Tlp): Promise<void> =>
  api<void>('PUT', `/incidents/${encodeURIComponent(incidentId)}/tlp`, { tlp });

// ---------------------------------------------------------------------------------------------
// Share targets: the directory a sharer picks from. Separate endpoints (GET /share-targets and
// GET /share-targets/{organisationId}/users, permission sharing:manage) because an adviser may
// not call the admin endpoint GET /organisations.
// ---------------------------------------------------------------------------------------------

export type ShareTarget = { id: string; name: string; type: string };
export type ShareTargetUser = { id: string; displayName: string };

/** Active organisations a record can be shared with. */
export const listShareTargets = (): Promise<ShareTarget[]> => api<ShareTarget[]>('GET', '/share-targets');

/** Display names of an organisation's active accounts, to name people in a grant. */
export const listShareTargetUsers = (organisationId: string): Promise<ShareTargetUser[]> =>
  api<ShareTargetUser[]>('GET', `/share-targets/${encodeURIComponent(organisationId)}/users`);

export function useShareTargets(enabled = true) {
  return useQuery({ queryKey: sharingKeys.targets, queryFn: listShareTargets, enabled, staleTime: 5 * 60_000 });
}

export function useShareTargetUsers(organisationId: string) {
  return useQuery({
    queryKey: sharingKeys.targetUsers(organisationId),
    queryFn: () => listShareTargetUsers(organisationId),
    enabled: organisationId !== '',
    staleTime: 5 * 60_000,
  });
}
