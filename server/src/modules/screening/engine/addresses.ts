/**
 * Dutch addresses: postcode ("1234 AB" -> "1234ab"), house number with toevoeging,
 * street and city, and agreement scoring. People move, so a different address is
 * weak evidence; the same postcode and house number is strong evidence.
 */
import { CITY_ALIASES, PARTICLES, STREET_ABBREVIATIONS } from './dutch-rules.js';
import { jaroWinklerAtLeast } from './jaro-winkler.js';
import { comparisonKey, compactFolded, foldText } from './text-keys.js';

/** A parsed address; empty strings mean "not given". */
export interface ParsedAddress {
  postcode: string;
  houseNumber: string;
  addition: string;
  street: string;
  city: string;
}

export type AddressMatchReason =
  | 'same-postcode-and-number'
  | 'same-postcode-other-addition'
  | 'same-postcode'
  | 'same-street-and-number'
  | 'same-street-other-city'
  | 'same-city'
  | 'different';

export interface AddressComparison {
  similarity: number;
  reason: AddressMatchReason;
}

const POSTCODE = /\b([1-9]\d{3})\s?([a-z]{2})\b/;
const HOUSE_NUMBER = /\b(\d{1,5})(?:\s?-?\s?([a-z]{1,2}|\d{1,4})\b)?/;
const STREET_SUFFIXES =
  /(straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|park|markt|steeg|dreef|plantsoen|baan|wal)$/;

function expandStreetWord(word: string): string {
  for (const [short, full] of STREET_ABBREVIATIONS) {
    if (word === short) return full;
    if (word.endsWith(short) && word.length > short.length + 2 && full.length > 4)
      return word.slice(0, -short.length) + full;
  }
  return word;
}

function streetKey(words: string[]): string {
  const kept = words.map(compactFolded).filter((word) => word !== '' && !PARTICLES.has(word));
  return comparisonKey(kept.map(expandStreetWord).join(''));
}

function cityKey(words: string[]): string {
  let name = words
    .map(compactFolded)
    .filter((word) => word !== '')
    .join(' ');
  for (const [alias, canonical] of CITY_ALIASES) if (name === alias) name = canonical;
  return comparisonKey(name.replace(/ /g, ''));
}

/** Parses a free-text Dutch address: "Damstraat 12a, 1012 AB Amsterdam", "1012AB 12", "Amsterdam". */
export function parseAddress(input: string): ParsedAddress {
  let text = foldText(input).replace(/'/g, ' ');
  const postcodeMatch = POSTCODE.exec(text);
  const postcode = postcodeMatch ? `${postcodeMatch[1]}${postcodeMatch[2]}` : '';
  if (postcodeMatch) text = text.replace(postcodeMatch[0], ' , ');
  const numberMatch = HOUSE_NUMBER.exec(text);
  const before = numberMatch ? text.slice(0, numberMatch.index) : text;
  const after = numberMatch ? text.slice(numberMatch.index + numberMatch[0].length) : '';
  const beforeWords = before.split(/[\s,.-]+/).filter(Boolean);
  const afterWords = after.split(/[\s,.-]+/).filter(Boolean);
  let streetWords = numberMatch ? beforeWords : [];
  let cityWords = numberMatch ? afterWords : [];
  if (!numberMatch) {
    // Without a number, decide between street and city by the street-name suffix.
    const isStreet = beforeWords.some((word) => STREET_SUFFIXES.test(expandStreetWord(compactFolded(word))));
    [streetWords, cityWords] = isStreet ? [beforeWords, []] : [[], beforeWords];
  }
  return {
    postcode,
    houseNumber: numberMatch?.[1] ?? '',
    addition: numberMatch?.[2] ?? '',
    street: streetKey(streetWords),
    city: cityKey(cityWords),
  };
}

function compareByPostcode(a: ParsedAddress, b: ParsedAddress): AddressComparison | null {
  if (a.postcode === '' || a.postcode !== b.postcode) return null;
  if (a.houseNumber === '' || b.houseNumber === '') return { similarity: 0.6, reason: 'same-postcode' };
  if (a.houseNumber !== b.houseNumber) return { similarity: 0.35, reason: 'same-postcode' };
  const additionsDiffer = a.addition !== '' && b.addition !== '' && a.addition !== b.addition;
  return additionsDiffer
    ? { similarity: 0.85, reason: 'same-postcode-other-addition' }
    : { similarity: 1, reason: 'same-postcode-and-number' };
}

function compareByStreet(a: ParsedAddress, b: ParsedAddress): AddressComparison | null {
  if (a.street === '' || b.street === '' || a.houseNumber === '' || a.houseNumber !== b.houseNumber) return null;
  if (jaroWinklerAtLeast(a.street, b.street, 0.92) < 0.92) return null;
  if (a.city !== '' && b.city !== '' && jaroWinklerAtLeast(a.city, b.city, 0.9) < 0.9)
    return { similarity: 0.3, reason: 'same-street-other-city' };
  return { similarity: 0.9, reason: 'same-street-and-number' };
}

/** Compares two parsed addresses; symmetric. */
export function compareAddresses(a: ParsedAddress, b: ParsedAddress): AddressComparison {
  const byPostcode = compareByPostcode(a, b);
  if (byPostcode !== null && byPostcode.similarity >= 0.85) return byPostcode;
  const byStreet = compareByStreet(a, b);
  if (byStreet !== null && byStreet.similarity > (byPostcode?.similarity ?? 0)) return byStreet;
  if (byPostcode !== null) return byPostcode;
  if (a.city !== '' && a.city === b.city) return { similarity: 0.2, reason: 'same-city' };
  return { similarity: 0, reason: 'different' };
}

/** Best comparison over all address pairs, or null when either side has none. */
export function compareAddressLists(left: ParsedAddress[], right: ParsedAddress[]): AddressComparison | null {
  let best: AddressComparison | null = null;
  for (const a of left) {
    for (const b of right) {
      const comparison = compareAddresses(a, b);
      if (best === null || comparison.similarity > best.similarity) best = comparison;
    }
  }
  return best;
}
