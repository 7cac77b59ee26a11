import type { AuditQuery } from '../../api/audit';

export const auditPageSize = 50;
export const auditFilterKeys = ['objectType', 'objectId', 'actorUserId', 'action', 'result', 'from', 'to'] as const;
export type AuditFilterKey = (typeof auditFilterKeys)[number];
export type AuditFilterValues = Record<AuditFilterKey, string>;

export const blankAuditFilters = Object.fromEntries(auditFilterKeys.map((k) => [k, ''])) as AuditFilterValues;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => uuid.test(value.trim());

/** The filters of the access log read from the URL, so a view (e.g. "who saw this record") can be linked to. */
export function auditFiltersFromParams(params: URLSearchParams): AuditFilterValues {
  return Object.fromEntries(auditFilterKeys.map((k) => [k, params.get(k) ?? ''])) as AuditFilterValues;
}

export function auditPageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The API query: empty values left out, and ids the server would refuse (not a UUID) too. */
export function toAuditQuery(values: AuditFilterValues, page: number): AuditQuery {
  const out: AuditQuery = { page, pageSize: auditPageSize };
  for (const key of auditFilterKeys) {
    const value = values[key].trim();
    if (!value) continue;
    if ((key === 'objectId' || key === 'actorUserId') && !isUuid(value)) continue;
    out[key] = value;
  }
  return out;
}

export function toAuditSearchParams(values: Partial<AuditFilterValues>, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of auditFilterKeys) {
    const value = values[key]?.trim();
    if (value) params.set(key, value);
  }
  if (page > 1) params.set('page', String(page));
  return params;
}

export const hasAnyAuditFilter = (values: AuditFilterValues): boolean =>
  auditFilterKeys.some((k) => values[k].trim() !== '');

/** Filters only the full form sets (the quick filters and row links set the others). */
export const hasAdvancedAuditFilter = (values: AuditFilterValues): boolean =>
  (['action', 'from', 'to'] as const).some((k) => values[k].trim() !== '');
