/**
 * Records of the index's static segment, stored pre-decoded so that scoring a candidate
 * parses no text: name tokens are ids into a token dictionary (shared NameToken objects),
 * birth dates are packed integers, address parts, identifiers and countries are ids into a
 * string pool. Per record, `fields[fieldOffsets[r] .. fieldOffsets[r+1])` holds
 *   schema | kind << 2,
 *   name count, then per name: token count, token ids,
 *   date count, packed dates (year * 10000 + month * 100 + day),
 *   address count, then per address: postcode, house number, addition, street, city ids,
 *   identifier count, ids, country count, ids.
 * Only the id and display names stay text (a UTF-8 blob), read for the returned results.
 */
import type { ParsedAddress } from './addresses.js';
import type { PartialDate } from './dates.js';
import type { NameToken, PreparedName, TokenFlag } from './normalise.js';
import type { EntitySchema, PreparedEntity } from './types.js';

export interface RecordStore {
  tokens: NameToken[];
  strings: string[];
  /** record r is fields[fieldOffsets[r] .. fieldOffsets[r+1]). */
  fieldOffsets: Uint32Array;
  fields: Uint32Array;
}

const SCHEMAS: readonly EntitySchema[] = ['Person', 'Company', 'Organization', 'LegalEntity'];
const TOKEN_FIELD = '\x1f';
const LIST_SEPARATOR = '\x1e';

/** Growable Uint32Array (amortised doubling). */
export class GrowableU32 {
  data = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    this.length += 1;
  }
  toArray(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

function tokenText(token: NameToken): string {
  const parts = [token.flag, token.first, token.key];
  if (token.merged !== null) parts.push(token.merged);
  return parts.join(TOKEN_FIELD);
}

function tokenFromText(text: string): NameToken {
  const [flag = 'f', first = '', key = '', merged] = text.split(TOKEN_FIELD);
  return { flag: flag as TokenFlag, first, key, merged: merged ?? null };
}

/** Appends records to a store, interning tokens and strings. */
export class RecordStoreBuilder {
  private readonly tokenIds = new Map<string, number>();
  private readonly stringIds = new Map<string, number>();
  private readonly tokens: NameToken[] = [];
  private readonly strings: string[] = [];
  private readonly offsets = new GrowableU32();
  private readonly fields = new GrowableU32();

  private token(token: NameToken): number {
    const text = tokenText(token);
    let id = this.tokenIds.get(text);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(text, id);
      this.tokens.push({ flag: token.flag, first: token.first, key: token.key, merged: token.merged });
    }
    return id;
  }

  private string(value: string): number {
    let id = this.stringIds.get(value);
    if (id === undefined) {
      id = this.strings.length;
      this.stringIds.set(value, id);
      this.strings.push(value);
    }
    return id;
  }

  private stringList(values: string[]): void {
    this.fields.push(values.length);
    for (const value of values) this.fields.push(this.string(value));
  }

  add(entity: PreparedEntity): void {
    const { fields } = this;
    this.offsets.push(fields.length);
    fields.push(SCHEMAS.indexOf(entity.schema) | (entity.kind === 'company' ? 4 : 0));
    fields.push(entity.names.length);
    for (const name of entity.names) {
      fields.push(name.tokens.length);
      for (const token of name.tokens) fields.push(this.token(token));
    }
    fields.push(entity.birthDates.length);
    for (const date of entity.birthDates) fields.push(date.year * 10000 + date.month * 100 + date.day);
    fields.push(entity.addresses.length);
    for (const a of entity.addresses) {
      for (const part of [a.postcode, a.houseNumber, a.addition, a.street, a.city]) fields.push(this.string(part));
    }
    this.stringList(entity.identifiers);
    this.stringList(entity.countries);
  }

  finish(): RecordStore {
    this.offsets.push(this.fields.length);
    return {
      tokens: this.tokens,
      strings: this.strings,
      fieldOffsets: this.offsets.toArray(),
      fields: this.fields.toArray(),
    };
  }
}

/** Decodes record `record`'s fields into a prepared entity (with the given display names). */
export function decodeFields(store: RecordStore, record: number, displayNames: string[]): PreparedEntity {
  const { fields, tokens, strings } = store;
  let p = store.fieldOffsets[record] ?? 0;
  const head = fields[p++] ?? 0;
  const names: PreparedName[] = [];
  for (let n = fields[p++] ?? 0; n > 0; n -= 1) {
    const nameTokens: NameToken[] = [];
    for (let t = fields[p++] ?? 0; t > 0; t -= 1) nameTokens.push(tokens[fields[p++] ?? 0] as NameToken);
    names.push({ tokens: nameTokens });
  }
  const birthDates: PartialDate[] = [];
  for (let n = fields[p++] ?? 0; n > 0; n -= 1) {
    const packed = fields[p++] ?? 0;
    birthDates.push({ year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 });
  }
  const addresses: ParsedAddress[] = [];
  for (let n = fields[p++] ?? 0; n > 0; n -= 1) {
    addresses.push({
      postcode: strings[fields[p] ?? 0] ?? '',
      houseNumber: strings[fields[p + 1] ?? 0] ?? '',
      addition: strings[fields[p + 2] ?? 0] ?? '',
      street: strings[fields[p + 3] ?? 0] ?? '',
      city: strings[fields[p + 4] ?? 0] ?? '',
    });
    p += 5;
  }
  const identifiers: string[] = [];
  for (let n = fields[p++] ?? 0; n > 0; n -= 1) identifiers.push(strings[fields[p++] ?? 0] ?? '');
  const countries: string[] = [];
  for (let n = fields[p++] ?? 0; n > 0; n -= 1) countries.push(strings[fields[p++] ?? 0] ?? '');
  return {
    schema: SCHEMAS[head & 3] ?? 'LegalEntity',
    kind: (head & 4) !== 0 ? 'company' : 'person',
    displayNames,
    names,
    birthDates,
    addresses,
    identifiers,
    countries,
  };
}

/** The dictionaries as text, for the snapshot (tokens and pool strings never contain control characters). */
export function dictionaryTexts(store: RecordStore): { tokens: string; strings: string } {
  return { tokens: store.tokens.map(tokenText).join(LIST_SEPARATOR), strings: store.strings.join(LIST_SEPARATOR) };
}

function splitList(text: string, count: number): string[] {
  const list = count === 0 ? [] : text.split(LIST_SEPARATOR);
  if (list.length !== count) throw new Error('Index snapshot dictionary does not match its header');
  return list;
}

/** Re-creates a store from its snapshot parts; the counts guard against a separator inside a value. */
export function storeFromParts(
  dictionaries: { tokens: string; strings: string; tokenCount: number; stringCount: number },
  fieldOffsets: Uint32Array,
  fields: Uint32Array,
): RecordStore {
  return {
    tokens: splitList(dictionaries.tokens, dictionaries.tokenCount).map(tokenFromText),
    strings: splitList(dictionaries.strings, dictionaries.stringCount),
    fieldOffsets,
    fields,
  };
}
