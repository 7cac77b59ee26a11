/**
 * FtM entities as the screening engines see them: matcher records (names, dates, address
 * lines, identifiers, countries) and graph nodes whose flag follows the configured topics.
 */
import { flaggedTopicsOf } from '../entities/entities.policy.js';
import type { StoredEntity } from '../entities/entity-read.service.js';
import { ftmToGraphRecords, type GraphRecord } from '../entities/graph/ftm-records.js';
import type { EntityRecord, EntitySchema, QueryExample } from './engine/types.js';

/** FtM schemata the matcher scores, mapped onto the engine's four kinds. */
const MATCHABLE: Readonly<Record<string, EntitySchema>> = {
  Person: 'Person',
  Company: 'Company',
  Organization: 'Organization',
  LegalEntity: 'LegalEntity',
  PublicBody: 'Organization',
};

const NAME_PROPERTIES = ['name', 'alias', 'previousName'] as const;
export const IDENTIFIER_PROPERTIES = [
  'registrationNumber',
  'idNumber',
  'taxNumber',
  'vatCode',
  'leiCode',
  'innCode',
  'ogrnCode',
  'passportNumber',
] as const;
const COUNTRY_PROPERTIES = ['nationality', 'citizenship', 'country', 'jurisdiction'] as const;

const valuesOf = (props: Record<string, string[]>, names: readonly string[]): string[] =>
  [...new Set(names.flatMap((n) => props[n] ?? []))].filter((v) => v.trim() !== '');

/** Names of an entity; a person with only name parts gets them joined. */
function namesOf(props: Record<string, string[]>): string[] {
  const names = valuesOf(props, NAME_PROPERTIES);
  if (names.length > 0) return names;
  const parts = [props['firstName']?.[0], props['middleName']?.[0], props['lastName']?.[0]].filter(Boolean);
  return parts.length > 0 ? [parts.join(' ')] : [];
}

/** The example a set of FtM properties gives the matcher (the schema is checked by the caller). */
export function exampleOf(schema: EntitySchema, props: Record<string, string[]>): QueryExample {
  return {
    schema,
    names: namesOf(props),
    birthDates: valuesOf(props, ['birthDate', 'incorporationDate']),
    addresses: valuesOf(props, ['address']),
    identifiers: valuesOf(props, IDENTIFIER_PROPERTIES),
    countries: valuesOf(props, COUNTRY_PROPERTIES),
  };
}

/** The schema the matcher uses for an FtM schema, or null when it does not score that kind. */
export const matchableSchema = (schema: string): EntitySchema | null => MATCHABLE[schema] ?? null;

/** A matcher record still waiting for the lines of the addresses it refers to. */
export type PendingRecord = { record: EntityRecord; addressIds: string[] };

/** The matcher record of a stored entity, or null for things it does not score. */
export function pendingRecordOf(entity: StoredEntity): PendingRecord | null {
  const schema = matchableSchema(entity.schema);
  if (!schema) return null;
  const example = exampleOf(schema, entity.properties);
  if (example.names.length === 0 && (example.identifiers ?? []).length === 0) return null;
  return { record: { id: entity.id, ...example, schema }, addressIds: entity.properties['addressEntity'] ?? [] };
}

/** One line for an Address entity: its full text, else its parts. */
export function addressLine(entity: StoredEntity): string {
  const p = entity.properties;
  const full = p['full']?.[0];
  if (full) return full;
  return [p['street']?.[0], p['postalCode']?.[0], p['city']?.[0]].filter(Boolean).join(' ');
}

/** Graph records of a stored entity; a node is flagged when one of its topics is configured as flagging. */
export function graphRecordsOf(entity: StoredEntity, flaggedTopics: readonly string[]): GraphRecord[] {
  const isFlagged = flaggedTopicsOf(entity.topics, flaggedTopics).length > 0;
  return ftmToGraphRecords(entity).map((r) =>
    r.kind === 'node' ? { ...r, node: { ...r.node, flagged: isFlagged } } : r,
  );
}
