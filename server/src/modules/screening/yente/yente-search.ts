/**
 * yente's filters, facets and sort for GET /search/{dataset}. With a query text the matcher
 * finds the candidates (a pool of a few hundred per request) and these apply to those hits;
 * without one every entity of the scope is a hit (yente's match_all) and yente-browse.ts pages
 * through the store, with the same checks deciding what is a hit. Field values come from the
 * FtM model: `countries` are the values of every country-typed property of the entity's
 * schema (nationality, citizenship, country, jurisdiction, …), `identifiers` of the
 * identifier-typed ones, `genders` of `gender`.
 */
import { AppError } from '../../../platform/errors.js';
import type { StoredEntity } from '../../entities/entity-read.service.js';
import type { NamedDataset } from './yente-datasets.js';
import {
  entityPropsOf,
  isKnownProperty,
  isKnownSchema,
  schemaPlural,
  schemataCoveredBy,
  typePlural,
  valueLabel,
  valuesOfType,
} from './yente-ftm.js';
import type { EntityResponse, SearchFacetName, SearchQuery, SearchResponse } from './yente.schema.js';

/** A hit: the entity as answered, with its score and the ids of its cluster. */
export type Hit = {
  entity: StoredEntity;
  response: EntityResponse;
  score: number;
  referentIds: string[];
};

type Field = 'countries' | 'topics' | 'datasets';

/**
 * Whitespace a compared value loses at either end: ASCII whitespace and the no-break space
 * (what dirty exports carry). A store query can see exactly these in JSON text (yente-browse-store.ts).
 */
const EDGE_SPACE = /^[ \t\n\v\f\r\u00a0]+|[ \t\n\v\f\r\u00a0]+$/g;

const lower = (values: readonly string[]): string[] =>
  values.map((v) => v.replace(EDGE_SPACE, '').toLowerCase()).filter(Boolean);

/** The values of a facet (or filter field) of a hit. */
function fieldValues(hit: Hit, field: SearchFacetName): string[] {
  const { schema, properties } = hit.entity;
  switch (field) {
    case 'countries':
      return lower(valuesOfType(schema, properties, 'country'));
    case 'topics':
      return [...new Set(hit.entity.topics)];
    case 'datasets':
      return hit.response.datasets;
    case 'schema':
      return [schema];
    case 'identifiers':
      return valuesOfType(schema, properties, 'identifier');
    case 'genders':
      return lower(valuesOfType(schema, properties, 'gender'));
  }
}

/** Words of a text as an exact-token search sees them: lower case, accents folded, split at non-letters. */
export function tokensOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Every word of the entity's text values (ids of other entities excepted). */
function entityTokens(hit: Hit): Set<string> {
  const words = new Set<string>(tokensOf(hit.entity.caption));
  const references = entityPropsOf(hit.entity.schema);
  for (const [prop, values] of Object.entries(hit.entity.properties)) {
    if (references.has(prop)) continue;
    for (const v of values) for (const w of tokensOf(v)) words.add(w);
  }
  return words;
}

export type PropertyFilter = { prop: string; values: string[] };

/** `prop:value` filters, grouped by property; a malformed one or an unknown property is a 400. */
function propertyFilters(raw: readonly string[]): PropertyFilter[] {
  const byProp = new Map<string, string[]>();
  for (const item of raw) {
    const colon = item.indexOf(':');
    const prop = (colon > 0 ? item.slice(0, colon) : '').replace(/^properties\./, '').trim();
    const value = colon > 0 ? item.slice(colon + 1).trim() : '';
    if (!prop || !value) throw new AppError('validation_failed', `Invalid filter: ${item} (expected prop:value)`);
    if (!isKnownProperty(prop)) throw new AppError('validation_failed', `Invalid filter property: ${prop}`);
    byProp.set(prop, [...(byProp.get(prop) ?? []), value.toLowerCase()]);
  }
  return [...byProp].map(([prop, values]) => ({ prop, values }));
}

const SORT_FIELDS = ['caption', 'id', 'schema', 'first_seen', 'last_seen', 'last_change', '_score'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type Sort = { field: SortField; desc: boolean };

/** yente's `field:order` sorts (order defaults to asc, an unknown order counts as asc); an unknown field is a 400. */
function sortsOf(raw: readonly string[]): Sort[] {
  return raw.map((item) => {
    const colon = item.lastIndexOf(':');
    const field = colon >= 0 ? item.slice(0, colon) : item;
    const order = colon >= 0 ? item.slice(colon + 1).toLowerCase() : 'asc';
    if (!(SORT_FIELDS as readonly string[]).includes(field)) {
      throw new AppError('validation_failed', `Invalid sort field: ${field}`);
    }
    return { field: field as SortField, desc: order === 'desc' };
  });
}

function sortValue(hit: Hit, field: SortField): string | number | null {
  if (field === '_score') return hit.score;
  const value = hit.response[field];
  return value === '' ? null : value;
}

/** Compares by the sorts, then by score (best first), as yente appends `_score`; missing values last. */
function comparator(sorts: readonly Sort[]): (a: Hit, b: Hit) => number {
  return (a, b) => {
    for (const { field, desc } of sorts) {
      const x = sortValue(a, field);
      const y = sortValue(b, field);
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = x < y ? -1 : 1;
      return desc ? -order : order;
    }
    return b.score - a.score;
  };
}

const CHANGED_SINCE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The instant an entity must have changed after to pass `changed_since`, as stored timestamps
 * are written (ISO 8601 UTC with milliseconds). yente asks Elasticsearch for `last_change > value`,
 * and Elasticsearch fills the missing parts of a `gt` bound with their largest value (a date
 * means the end of that day: 23:59:59.999); without a zone the value is UTC. Milliseconds are
 * cut, not rounded, which keeps `>` exact for stored millisecond timestamps.
 */
export function changedSinceBound(value: string): string {
  const m = CHANGED_SINCE.exec(value);
  if (!m) throw new AppError('validation_failed', `Invalid changed_since: ${value}`);
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  const [hour, minute, second] = [m[4] ?? '23', m[5] ?? '59', m[6] ?? '59'].map(Number) as [number, number, number];
  const millis = Number(m[7] === undefined ? '999' : m[7].padEnd(3, '0').slice(0, 3));
  const zone = m[8] ?? 'Z';
  const offset =
    zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis));
  const valid =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60;
  if (!valid) throw new AppError('validation_failed', `Invalid changed_since: ${value}`);
  return new Date(local.getTime() - offset * 60_000).toISOString();
}

/** The checked parameters of a search; parameter errors surface before any matching. */
export type SearchPlan = {
  keep: (hit: Hit) => boolean;
  compare: (a: Hit, b: Hit) => number;
  /** The parts a store query can apply itself (yente-browse.ts); `keep` still decides. */
  parts: {
    /** The schemata a hit may have: the schema's coverage less the excluded ones. */
    schemata: readonly string[];
    /** The wanted countries as compared (lower case, trimmed). */
    countries: readonly string[];
    sorts: readonly Sort[];
    propertyFilters: readonly PropertyFilter[];
    /** Stored timestamp a hit's last change must be after, or null. */
    changedAfter: string | null;
  };
};

export function planSearch(query: SearchQuery): SearchPlan {
  if (!isKnownSchema(query.schema)) throw new AppError('validation_failed', 'Invalid schema');
  const covered = schemataCoveredBy(query.schema);
  const filters = propertyFilters(query.filter);
  const sorts = sortsOf(query.sort);
  const compare = comparator(sorts);
  const changedAfter = query.changed_since ? changedSinceBound(query.changed_since) : null;
  const all = query.filter_op === 'AND';
  const matches = (have: readonly string[], wanted: readonly string[]) =>
    wanted.length === 0 || (all ? wanted.every((w) => have.includes(w)) : wanted.some((w) => have.includes(w)));
  const countries = lower(query.countries);
  const wantedFields: [Field, string[]][] = [
    ['countries', countries],
    ['topics', query.topics],
    ['datasets', query.datasets],
  ];
  const excludedIds = new Set(query.exclude_entity_ids);
  const words = query.fuzzy ? [] : [...new Set(tokensOf(query.q))];
  const keep = (hit: Hit): boolean => {
    const { entity, response } = hit;
    if (!covered.has(entity.schema) || query.exclude_schema.includes(entity.schema)) return false;
    if (excludedIds.has(entity.id) || hit.referentIds.some((id) => excludedIds.has(id))) return false;
    if (query.target !== undefined && response.target !== query.target) return false;
    if (changedAfter !== null && !(entity.lastSeen > changedAfter)) return false;
    if (!wantedFields.every(([field, wanted]) => matches(fieldValues(hit, field), wanted))) return false;
    for (const { prop, values } of filters) {
      if (!matches(lower(entity.properties[prop] ?? []), values)) return false;
    }
    if (words.length > 0) {
      const tokens = entityTokens(hit);
      if (!words.every((w) => tokens.has(w))) return false;
    }
    return true;
  };
  const schemata = [...covered].filter((s) => !query.exclude_schema.includes(s)).sort();
  return { keep, compare, parts: { schemata, countries, sorts, propertyFilters: filters, changedAfter } };
}

const FACET_LABELS: Record<SearchFacetName, () => string> = {
  datasets: () => 'Data sources',
  schema: () => 'Entity types',
  countries: () => typePlural('country'),
  identifiers: () => typePlural('identifier'),
  topics: () => typePlural('topic'),
  genders: () => typePlural('gender'),
};

function valueLabelOf(facet: SearchFacetName, name: string, titles: ReadonlyMap<string, string>): string {
  switch (facet) {
    case 'countries':
      return valueLabel('country', name);
    case 'topics':
      return valueLabel('topic', name);
    case 'genders':
      return valueLabel('gender', name);
    case 'datasets':
      return titles.get(name) ?? name;
    case 'schema':
      return schemaPlural(name);
    case 'identifiers':
      return name;
  }
}

/** Facet counts built up one hit at a time, so a caller that pages through hits need not keep them. */
export class FacetCounter {
  private readonly counts: Map<SearchFacetName, Map<string, number>>;

  constructor(names: readonly SearchFacetName[]) {
    this.counts = new Map([...new Set(names)].map((n) => [n, new Map<string, number>()]));
  }

  add(hit: Hit): void {
    for (const [facet, counts] of this.counts) {
      for (const v of new Set(fieldValues(hit, facet))) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }

  /** Counts per value, most frequent first (then by name), at most 1,000 as yente's terms aggregation. */
  result(datasets: readonly NamedDataset[]): SearchResponse['facets'] {
    const titles = new Map(datasets.map((d) => [d.name, d.access.dataset.title]));
    const facets: SearchResponse['facets'] = {};
    for (const [facet, counts] of this.counts) {
      const values = [...counts]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, 1_000)
        .map(([name, count]) => ({ name, label: valueLabelOf(facet, name, titles), count }));
      facets[facet] = { label: FACET_LABELS[facet](), values };
    }
    return facets;
  }
}

/** Counts per value over all hits (not only the page), most frequent first as yente's terms aggregation. */
export function facetsOf(
  hits: readonly Hit[],
  names: readonly SearchFacetName[],
  datasets: readonly NamedDataset[],
): SearchResponse['facets'] {
  const counter = new FacetCounter(names);
  for (const hit of hits) counter.add(hit);
  return counter.result(datasets);
}
