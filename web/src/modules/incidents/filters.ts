import type { IncidentFilters } from '../../api/incidents';

export const pageSize = 25;
export const filterKeys = ['from', 'to', 'form', 'channel', 'status', 'process', 'officeholderId', 'q'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type FilterValues = Record<FilterKey, string>;

/** The list filters read from the URL, so a filtered view can be bookmarked and shared. */
export function filtersFromParams(params: URLSearchParams): FilterValues {
  return Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as FilterValues;
}

export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The API query for the filters: empty values left out. */
export function toApiFilters(values: FilterValues, page: number): IncidentFilters {
  const out: IncidentFilters = { page, pageSize };
  for (const key of filterKeys) {
    const value = values[key].trim();
    if (value) out[key] = value;
  }
  return out;
}

/** URL search params for the filters and page. */
export function toSearchParams(values: FilterValues, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys) if (values[key].trim()) params.set(key, values[key].trim());
  if (page > 1) params.set('page', String(page));
  return params;
}

export const hasAnyFilter = (values: FilterValues): boolean => filterKeys.some((k) => values[k].trim() !== '');
