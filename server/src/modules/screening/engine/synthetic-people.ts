/**
 * Deterministic generator of synthetic Dutch persons and of planted query variants
 * (typos, initials, surname-first, tussenvoegsel forms, married names, date slips),
 * for the recall test and the benchmark. No real persons: names are combined at random.
 */
import {
  CITIES,
  GIVEN_NAMES,
  PARTICLES,
  PREFIXES,
  ROOTS,
  STREET_TYPES,
  SUFFIXES,
  SURNAMES,
} from './synthetic-names.js';
import type { EntityRecord, QueryExample } from './types.js';

export { GIVEN_NAMES, SURNAMES };

/** Mulberry32: small, fast, deterministic PRNG in [0,1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

/** Picks with a Zipf-like skew: low indices are much more common, as with real names. */
export function pickSkewed<T>(random: Random, items: readonly T[]): T {
  const index = Math.floor(items.length * Math.pow(random(), 2.2));
  return items[Math.min(items.length - 1, index)] as T;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syntheticSurname(random: Random): string {
  const core = capitalise(pick(random, PREFIXES) + pick(random, ROOTS) + pick(random, SUFFIXES));
  return random() < 0.3 ? `${pick(random, PARTICLES)} ${core}` : core;
}

/** A surname: half from the common list (skewed), half synthesised for a realistic long tail. */
export function generateSurname(random: Random): string {
  return random() < 0.45 ? pickSkewed(random, SURNAMES) : syntheticSurname(random);
}

function generateAddress(random: Random): string {
  const street = capitalise(pick(random, PREFIXES) + pick(random, ROOTS) + pick(random, STREET_TYPES));
  const number = 1 + Math.floor(random() * 250);
  const addition = random() < 0.1 ? pick(random, ['a', 'b', 'c', '-1', '-2']) : '';
  const letters = 'ABCDEFGHJKLMNPRTVWXZ';
  const postcode = `${1000 + Math.floor(random() * 9000)} ${pick(random, [...letters])}${pick(random, [...letters])}`;
  return `${street} ${number}${addition}, ${postcode} ${pick(random, CITIES)}`;
}

function generateBirthDate(random: Random): string {
  const date = new Date(Date.UTC(1940, 0, 1) + Math.floor(random() * 65 * 365.25) * 86_400_000);
  return date.toISOString().slice(0, 10);
}

/** Generates `count` synthetic persons with ids p0..p{count-1}. */
export function generatePeople(count: number, seed: number): EntityRecord[] {
  const random = createRandom(seed);
  const people: EntityRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const givenCount = random() < 0.5 ? 1 : random() < 0.8 ? 2 : 3;
    const given = Array.from({ length: givenCount }, () => pickSkewed(random, GIVEN_NAMES));
    people.push({
      id: `p${i}`,
      schema: 'Person',
      names: [`${given.join(' ')} ${generateSurname(random)}`],
      birthDates: [generateBirthDate(random)],
      addresses: [generateAddress(random)],
      countries: random() < 0.9 ? ['NL'] : [pick(random, ['MA', 'TR', 'SR', 'PL', 'BE'])],
    });
  }
  return people;
}

export { generateAddress, generateBirthDate };
export type { QueryExample };
