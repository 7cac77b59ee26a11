/**
 * Explainable match scoring: a weighted average of the features both sides have
 * (name, birth date, address, identifier, country), times penalties for conflicts.
 * Every item says in English (and a short Dutch label) what it saw.
 */
import { compareAddressLists, parseAddress } from './addresses.js';
import { compareBirthDateLists, parseBirthDate } from './dates.js';
import type { PartialDate } from './dates.js';
import {
  addressItem,
  birthDateItems,
  countryItem,
  identifierItems,
  nameItem,
  schemaItem,
  unknownItem,
} from './feature-items.js';
import { compareIdentifierLists, normaliseCountry, normaliseIdentifier } from './identifiers.js';
import { compareNameLists } from './name-similarity.js';
import { looksLikeCompany, prepareName } from './normalise.js';
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

function evidenceItems(query: PreparedEntity, candidate: PreparedEntity, withDetail: boolean): MatchScore {
  const items: ScoreItem[] = [];
  let matchedName = candidate.displayNames[0] ?? '';
  if (query.names.length > 0 && candidate.names.length > 0) {
    const names = compareNameLists(query.names, candidate.names, withDetail);
    items.push(nameItem(names, query, candidate, withDetail));
    matchedName = candidate.displayNames[names.rightIndex] ?? matchedName;
  }
  const dates = compareBirthDateLists(query.birthDates, candidate.birthDates);
  if (dates !== null) items.push(...birthDateItems(dates, withDetail));
  else if (query.birthDates.length + candidate.birthDates.length > 0) items.push(unknownItem('birthDate', withDetail));
  const addresses = compareAddressLists(query.addresses, candidate.addresses);
  if (addresses !== null) items.push(addressItem(addresses, withDetail));
  else if (query.addresses.length + candidate.addresses.length > 0) items.push(unknownItem('address', withDetail));
  const identifiers = compareIdentifierLists(query.identifiers, candidate.identifiers);
  if (identifiers !== null) items.push(...identifierItems(identifiers, withDetail));
  const country = countryItem(query.countries, candidate.countries, withDetail);
  if (country !== null) items.push(country);
  if (!isSchemaCompatible(query.schema, candidate.schema))
    items.push(schemaItem(query.schema, candidate.schema, withDetail));
  // Unknown-value items only temper real comparisons; alone they prove nothing.
  const hasComparison = items.some((item) => item.kind === 'evidence');
  return { score: hasComparison ? combineItems(items) : 0, items, matchedName };
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

/** Scores a prepared query against a prepared candidate; `withDetail` fills the explanations. */
export function scoreMatch(query: PreparedEntity, candidate: PreparedEntity, withDetail = true): MatchScore {
  return evidenceItems(query, candidate, withDetail);
}

/** Convenience: parses two records and scores them with full explanations. */
export function compareRecords(query: EntityRecord | QueryExample, candidate: EntityRecord | QueryExample): MatchScore {
  return scoreMatch(prepareEntity(query), prepareEntity(candidate), true);
}
