/**
 * Explainable match scoring: a weighted average of the features both sides have
 * (name, birth date, address, identifier, country), times penalties for conflicts. The name
 * leads: the other features lift a weak name only a little above its own similarity
 * (NAME_BAND in feature-items.ts). Every item says in English (and a short Dutch label) what
 * it saw.
 */
import { compareAddressLists, parseAddress } from './addresses.js';
import { compareBirthDateLists, parseBirthDate } from './dates.js';
import type { PartialDate } from './dates.js';
import {
  addressItem,
  birthDateItems,
  countryItem,
  identifierItems,
  nameBandItem,
  nameItem,
  NAME_BAND,
  schemaItem,
  unknownItem,
  WEIGHTS,
} from './feature-items.js';
import { compareIdentifierLists, normaliseCountry, normaliseIdentifier } from './identifiers.js';
import { compareNameLists } from './name-similarity.js';
import { looksLikeCompany, prepareName } from './normalise.js';
import type { TokenSimilarityCache } from './token-similarity.js';
import type { NameKind } from './normalise.js';
import type { EntityRecord, EntitySchema, MatchScore, PreparedEntity, QueryExample, ScoreItem } from './types.js';

function nameKindOf(schema: EntitySchema, names: string[]): NameKind {
  if (schema === 'Person') return 'person';
  if (schema === 'Company' || schema === 'Organization') return 'company';
  return names.some(looksLikeCompany) ? 'company' : 'person';
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Parses a record or query example once: names, dates, addresses, identifiers (BSN dropped), countries. */
export function prepareEntity(record: EntityRecord | QueryExample): PreparedEntity {
  const schema = record.schema ?? 'LegalEntity';
  const displayNames = record.names.filter((name) => name.trim() !== '');
  const kind = nameKindOf(schema, displayNames);
  const dates = (record.birthDates ?? []).map(parseBirthDate).filter((date): date is PartialDate => date !== null);
  const identifiers = (record.identifiers ?? []).map(normaliseIdentifier).filter((id): id is string => id !== null);
  return {
    schema,
    kind,
    displayNames,
    names: displayNames.map((name) => prepareName(name, kind)).filter((name) => name.tokens.length > 0),
    birthDates: dates,
    addresses: (record.addresses ?? [])
      .map(parseAddress)
      .filter((a) => a.postcode !== '' || a.street !== '' || a.city !== ''),
    identifiers: unique(identifiers),
    countries: unique((record.countries ?? []).map(normaliseCountry).filter((country) => country !== '')),
  };
}

function isSchemaCompatible(a: EntitySchema, b: EntitySchema): boolean {
  if (a === 'LegalEntity' || b === 'LegalEntity' || a === b) return true;
  return a !== 'Person' && b !== 'Person';
}

/**
 * Every item except the name's, in the order they are combined. What the query does not state
 * counts neither way (a name-only query is scored on the name); what the query states and the
 * candidate lacks counts as unknown, which tempers the score.
 */
function otherItems(query: PreparedEntity, candidate: PreparedEntity, withDetail: boolean): ScoreItem[] {
  const items: ScoreItem[] = [];
  const dates = compareBirthDateLists(query.birthDates, candidate.birthDates);
  if (dates !== null) items.push(...birthDateItems(dates, withDetail));
  else if (query.birthDates.length > 0) items.push(unknownItem('birthDate', withDetail));
  const addresses = compareAddressLists(query.addresses, candidate.addresses);
  if (addresses !== null) items.push(addressItem(addresses, withDetail));
  else if (query.addresses.length > 0) items.push(unknownItem('address', withDetail));
  const identifiers = compareIdentifierLists(query.identifiers, candidate.identifiers);
  if (identifiers !== null) items.push(...identifierItems(identifiers, withDetail));
  const country = countryItem(query.countries, candidate.countries, withDetail);
  if (country !== null) items.push(country);
  if (!isSchemaCompatible(query.schema, candidate.schema))
    items.push(schemaItem(query.schema, candidate.schema, withDetail));
  return items;
}

const hasNames = (query: PreparedEntity, candidate: PreparedEntity): boolean =>
  query.names.length > 0 && candidate.names.length > 0;

// Unknown-value items only temper real comparisons; alone they prove nothing.
const scoreOf = (items: ScoreItem[]): number =>
  items.some((item) => item.kind === 'evidence') ? combineItems(items) : 0;

const isSharedIdentifier = (item: ScoreItem): boolean =>
  item.feature === 'identifier' && item.kind === 'evidence' && item.value === 1;

/**
 * Appends the name-band penalty when the name item (first) is below plausible and the other
 * features would lift the score above it; a shared identifier lifts on its own.
 */
function withNameBand(items: ScoreItem[], withDetail: boolean): ScoreItem[] {
  const name = items[0];
  if (name?.feature !== 'name' || name.value >= NAME_BAND.plausible || items.some(isSharedIdentifier)) return items;
  const band = nameBandItem(name.value, combineItems(items), withDetail);
  if (band !== null) items.push(band);
  return items;
}

function evidenceItems(
  query: PreparedEntity,
  candidate: PreparedEntity,
  withDetail: boolean,
  cache: TokenSimilarityCache | undefined,
): MatchScore {
  const items: ScoreItem[] = [];
  let matchedName = candidate.displayNames[0] ?? '';
  if (hasNames(query, candidate)) {
    const names = compareNameLists(query.names, candidate.names, withDetail, cache);
    items.push(nameItem(names, query, candidate, withDetail));
    matchedName = candidate.displayNames[names.rightIndex] ?? matchedName;
  }
  items.push(...otherItems(query, candidate, withDetail));
  withNameBand(items, withDetail);
  return { score: scoreOf(items), items, matchedName };
}

/** Stands in for the name item when bounding a score: no name agrees better than 1. */
const BEST_NAME: ScoreItem = {
  feature: 'name',
  kind: 'evidence',
  weight: WEIGHTS.name,
  value: 1,
  explanation: '',
  label: '',
};

/**
 * The score `scoreMatch` gives (bit for bit), or -1 without comparing names when even a
 * perfect name could not reach `bar`. The score rises with the name's value, the name band
 * only lowers a weaker name's score, and every floating-point step is monotonic, so the bound
 * is exact. Names are compared last, because they cost the most.
 */
export function scoreAtLeast(
  query: PreparedEntity,
  candidate: PreparedEntity,
  bar: number,
  cache?: TokenSimilarityCache,
): number {
  const rest = otherItems(query, candidate, false);
  if (!hasNames(query, candidate)) return scoreOf(rest);
  if (combineItems([BEST_NAME, ...rest]) < bar) return -1;
  const names = compareNameLists(query.names, candidate.names, false, cache);
  return scoreOf(withNameBand([nameItem(names, query, candidate, false), ...rest], false));
}

/** Combines items: weighted average of evidence, times every penalty; clamped to [0,1]. */
export function combineItems(items: ScoreItem[]): number {
  let weighted = 0;
  let weights = 0;
  let factor = 1;
  for (const item of items) {
    if (item.kind === 'penalty') factor *= item.value;
    else {
      weighted += item.weight * item.value;
      weights += item.weight;
    }
  }
  const score = weights > 0 ? (weighted / weights) * factor : 0;
  return Math.min(1, Math.max(0, score));
}

/**
 * Scores a prepared query against a prepared candidate; `withDetail` fills the explanations,
 * `cache` memoises token similarities across the candidates of one query.
 */
export function scoreMatch(
  query: PreparedEntity,
  candidate: PreparedEntity,
  withDetail = true,
  cache?: TokenSimilarityCache,
): MatchScore {
  return evidenceItems(query, candidate, withDetail, cache);
}

/** Convenience: parses two records and scores them with full explanations. */
export function compareRecords(query: EntityRecord | QueryExample, candidate: EntityRecord | QueryExample): MatchScore {
  return scoreMatch(prepareEntity(query), prepareEntity(candidate), true);
}
