/**
 * Text forms of records: the head (id and display names) kept in the index's UTF-8 blob
 * for the returned results, and the whole prepared entity in one string, used for the
 * delta segment of a snapshot.
 */
import type { ParsedAddress } from './addresses.js';
import { formatPartialDate, parseIsoPartialDate } from './dates.js';
import type { PartialDate } from './dates.js';
import type { NameKind, NameToken, PreparedName, TokenFlag } from './normalise.js';
import type { EntitySchema, PreparedEntity } from './types.js';

const FIELD = '\x1e';
const ITEM = '\x1f';
// Separators are control characters, so control characters are removed from stored text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f]/g;

const SCHEMA_CODES: Record<EntitySchema, string> = { Person: 'P', Company: 'C', Organization: 'O', LegalEntity: 'L' };
const SCHEMA_BY_CODE: Record<string, EntitySchema> = { P: 'Person', C: 'Company', O: 'Organization', L: 'LegalEntity' };

function encodeToken(token: NameToken): string {
  const merged = token.merged === null ? '' : `~${token.merged}`;
  return `${token.flag}${token.first}${token.key}${merged}`;
}

function decodeToken(text: string): NameToken {
  const tilde = text.indexOf('~');
  const key = tilde < 0 ? text.slice(2) : text.slice(2, tilde);
  return { flag: text[0] as TokenFlag, first: text[1] ?? '', key, merged: tilde < 0 ? null : text.slice(tilde + 1) };
}

function encodeAddress(address: ParsedAddress): string {
  return [address.postcode, address.houseNumber, address.addition, address.street, address.city].join('|');
}

function decodeAddress(text: string): ParsedAddress {
  const [postcode = '', houseNumber = '', addition = '', street = '', city = ''] = text.split('|');
  return { postcode, houseNumber, addition, street, city };
}

function splitItems(text: string | undefined): string[] {
  return text === undefined || text === '' ? [] : text.split(ITEM);
}

/** Encodes an entity id and its prepared form into one string. */
export function encodeRecord(id: string, entity: PreparedEntity): string {
  return [
    id.replace(CONTROL, ' '),
    SCHEMA_CODES[entity.schema] + (entity.kind === 'person' ? 'p' : 'c'),
    entity.displayNames.map((name) => name.replace(CONTROL, ' ')).join(ITEM),
    entity.names.map((name) => name.tokens.map(encodeToken).join(' ')).join(ITEM),
    entity.birthDates.map(formatPartialDate).join(ITEM),
    entity.addresses.map(encodeAddress).join(ITEM),
    entity.identifiers.join(ITEM),
    entity.countries.join(ITEM),
  ].join(FIELD);
}

/** Encodes the id and display names of a record (the part of the static segment kept as text). */
export function encodeRecordHead(id: string, displayNames: string[]): string {
  return `${id.replace(CONTROL, ' ')}${FIELD}${displayNames.map((name) => name.replace(CONTROL, ' ')).join(ITEM)}`;
}

/** Display names of a text written by encodeRecordHead or encodeRecord. */
export function decodeDisplayNames(text: string): string[] {
  const start = text.indexOf(FIELD);
  if (start < 0) return [];
  const end = text.indexOf(FIELD, start + 1);
  return splitItems(text.slice(start + 1, end < 0 ? text.length : end));
}

/** Reads only the id of an encoded record. */
export function decodeRecordId(text: string): string {
  const end = text.indexOf(FIELD);
  return end < 0 ? text : text.slice(0, end);
}

/** Decodes a record written by encodeRecord. */
export function decodeRecord(text: string): { id: string; entity: PreparedEntity } {
  const [id = '', codes = 'Lp', display, names, dates, addresses, identifiers, countries] = text.split(FIELD);
  const entity: PreparedEntity = {
    schema: SCHEMA_BY_CODE[codes[0] ?? 'L'] ?? 'LegalEntity',
    kind: (codes[1] === 'c' ? 'company' : 'person') as NameKind,
    displayNames: splitItems(display),
    names: splitItems(names).map((name): PreparedName => ({ tokens: name.split(' ').map(decodeToken) })),
    birthDates: splitItems(dates)
      .map(parseIsoPartialDate)
      .filter((date): date is PartialDate => date !== null),
    addresses: splitItems(addresses).map(decodeAddress),
    identifiers: splitItems(identifiers),
    countries: splitItems(countries),
  };
  return { id, entity };
}
