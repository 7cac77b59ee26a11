import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Tlp } from './codes';

// Shapes mirror server/src/modules/pois/pois.schema.ts.

export type PoiRole = 'dader' | 'vermoedelijke_dader' | 'medeplichtige' | 'betrokkene';
export const poiRoles: PoiRole[] = ['dader', 'vermoedelijke_dader', 'medeplichtige', 'betrokkene'];

export type PoiAddress = { street: string; houseNumber: string; postcode: string; city: string; note?: string };
export type OnlineHandle = { platform: string; handle: string };

export type PoiFields = {
  displayName: string;
  names: string[];
  birthDate: string | null;
  addresses: PoiAddress[];
  onlineHandles: OnlineHandle[];
  notes: string;
};

export type Poi = PoiFields & {
  /** Present when the person is shared with your organisation: read-only, masked to the granted parts. */
  access?: { via: 'organisation' | 'grant'; masked: string[]; sharedBy: string | null };
  id: string;
  incidents: { incidentId: string; role: PoiRole; linkedAt: string }[];
  groupIds: string[];
  sameAs: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** TLP 2.0 marking; RED lets grants go to named people only. */
  tlp?: Tlp;
};

export type PoiListItem = {
  id: string;
  displayName: string;
  birthDate: string | null;
  incidentCount: number;
  /** The organisation that shared this person with yours; null for your own. */
  sharedBy: string | null;
  tlp?: Tlp;
};

export type SeverityTrend = 'rising' | 'falling' | 'stable' | 'insufficient_data';

export type PoiHistory = {
  poiId: string;
  incidentCount: number;
  officeholders: {
    officeholderId: string;
    incidentCount: number;
    firstAt: string;
    lastAt: string;
    maxSeverity: number;
    isFixated: boolean;
  }[];
  timeline: {
    incidentId: string;
    officeholderId: string;
    occurredAt: string;
    severity: number;
    forms: string[];
    channel: string;
    role: PoiRole;
  }[];
  escalation: {
    severityTrend: SeverityTrend;
    firstSeverity: number | null;
    lastSeverity: number | null;
    maxSeverity: number | null;
    onlineToPhysical: boolean;
    approachedHome: boolean;
  };
};

const enc = encodeURIComponent;

export const poiKeys = {
  list: (q: string) => ['pois', 'list', q] as const,
  one: (id: string) => ['pois', 'one', id] as const,
  history: (id: string) => ['pois', 'history', id] as const,
};

export function usePois(q: string) {
  return useQuery({
    queryKey: poiKeys.list(q),
    queryFn: () => api<PoiListItem[]>('GET', `/pois${queryString({ q })}`),
    placeholderData: keepPreviousData,
  });
}

export function usePoi(id: string) {
  return useQuery({ queryKey: poiKeys.one(id), queryFn: () => api<Poi>('GET', `/pois/${enc(id)}`) });
}

export function usePoiHistory(id: string) {
  return useQuery({ queryKey: poiKeys.history(id), queryFn: () => api<PoiHistory>('GET', `/pois/${enc(id)}/history`) });
}

export const createPoi = (input: PoiFields) => api<Poi>('POST', '/pois', input);
export const updatePoi = (id: string, input: Partial<PoiFields> & { version: number }) =>
  api<Poi>('PATCH', `/pois/${enc(id)}`, input);
export const linkPoiIncident = (id: string, input: { incidentId: string; role: PoiRole }) =>
  api<Poi>('POST', `/pois/${enc(id)}/incidents`, input);

export type PoiPhoto = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

export const poiPhotoUrl = (poiId: string, photoId: string): string =>
  `/api/v1/pois/${encodeURIComponent(poiId)}/photos/${encodeURIComponent(photoId)}`;

/** Photos of a person of interest (metadata; the image itself at poiPhotoUrl). */
export function usePoiPhotos(poiId: string) {
  return useQuery({
    queryKey: ['pois', poiId, 'photos'],
    queryFn: () => api<PoiPhoto[]>('GET', `/pois/${encodeURIComponent(poiId)}/photos`),
  });
}

export function uploadPoiPhoto(poiId: string, file: File): Promise<PoiPhoto> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PoiPhoto>('POST', `/pois/${encodeURIComponent(poiId)}/photos`, form);
}
