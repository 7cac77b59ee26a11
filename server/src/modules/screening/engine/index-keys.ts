/**
 * Blocking keys for candidate generation. Each key is a short string with a one-letter
 * namespace: T token (and token with its tussenvoegsels), S consonant skeleton and its
 * one-deletion neighbours (typo tolerance, SymSpell-style), D full birth date and its
 * two-part neighbours (month-day, year-month, year-day), Y birth year, P postcode, A street+number, I identifier.
 */
import { formatPartialDate } from './dates.js';
import type { PartialDate } from './dates.js';
import type { NameToken } from './normalise.js';
import { canonicalVariant, skeletonKey } from './text-keys.js';
import type { PreparedEntity } from './types.js';

/** A key the query looks up, with how much a hit on it is worth before IDF. */
export interface QueryKey {
  key: string;
  multiplier: number;
  /** Name token the key came from (-1 for other keys); lets the query drop fuzzy keys of common tokens. */
  token: number;
  isFuzzy: boolean;
}

type AddKey = (key: string, multiplier: number, token?: number, isFuzzy?: boolean) => void;

const MULTIPLIERS = {
  token: 1,
  skeleton: 0.6,
  deletion: 0.3,
  date: 1.2,
  swappedDate: 1,
  datePart: 0.4,
  year: 0.3,
  postcode: 1,
  street: 1,
  identifier: 2,
};

function deletions(skeleton: string): string[] {
  if (skeleton.length < 4) return [];
  const out: string[] = [];
  for (let i = 0; i < skeleton.length; i += 1) out.push(skeleton.slice(0, i) + skeleton.slice(i + 1));
  return out;
}

function addTokenKeys(token: NameToken, number: number, add: AddKey): void {
  if (token.flag === 'i' || token.key.length < 2) return;
  add(`T${token.key}`, MULTIPLIERS.token, number);
  if (token.merged !== null) add(`T${token.merged}`, MULTIPLIERS.token, number);
  const skeleton = skeletonKey(canonicalVariant(token.key));
  add(`S${skeleton}`, MULTIPLIERS.skeleton, number, true);
  for (const deleted of deletions(skeleton)) add(`S${deleted}`, MULTIPLIERS.deletion, number, true);
}

function dateDigits(date: PartialDate): string {
  return formatPartialDate(date).replace(/-/g, '');
}

function addDateKeys(date: PartialDate, isQuery: boolean, add: AddKey): void {
  // A query with a full date finds year-level agreement through the two-part keys below.
  if (!isQuery || date.day === 0) add(`Y${date.year}`, MULTIPLIERS.year);
  if (date.day === 0) return;
  const digits = dateDigits(date);
  add(`D${digits}`, MULTIPLIERS.date);
  // Date with one part left out: a typo in year, month or day still shares two parts.
  add(`Dmd${digits.slice(4)}`, MULTIPLIERS.datePart);
  add(`Dym${digits.slice(0, 6)}`, MULTIPLIERS.datePart);
  add(`Dyd${digits.slice(0, 4)}${digits.slice(6)}`, MULTIPLIERS.datePart);
  if (isQuery && date.day <= 12 && date.day !== date.month) {
    add(`D${dateDigits({ year: date.year, month: date.day, day: date.month })}`, MULTIPLIERS.swappedDate);
  }
}

/** Keys of a prepared entity (or, with isQuery, of an example: adds day/month-swapped dates). */
export function collectKeys(entity: PreparedEntity, isQuery: boolean): QueryKey[] {
  const seen = new Map<string, QueryKey>();
  const add: AddKey = (key, multiplier, token = -1, isFuzzy = false) => {
    const previous = seen.get(key);
    if (previous === undefined || previous.multiplier < multiplier) seen.set(key, { key, multiplier, token, isFuzzy });
  };
  let number = 0;
  for (const name of entity.names) {
    for (const token of name.tokens) {
      addTokenKeys(token, number, add);
      number += 1;
    }
  }
  for (const date of entity.birthDates) addDateKeys(date, isQuery, add);
  for (const address of entity.addresses) {
    if (address.postcode !== '') add(`P${address.postcode}`, MULTIPLIERS.postcode);
    if (address.street !== '' && address.houseNumber !== '')
      add(`A${address.street}|${address.houseNumber}`, MULTIPLIERS.street);
  }
  for (const identifier of entity.identifiers) add(`I${identifier}`, MULTIPLIERS.identifier);
  return [...seen.values()];
}
