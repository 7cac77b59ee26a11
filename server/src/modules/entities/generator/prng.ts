/** Seeded randomness: every entity gets its own stream, so any entity can be regenerated alone. */

export type Random = () => number;

/** mulberry32: 32-bit state, fast, good enough for synthetic data (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one well-spread 32-bit seed (murmur3 finaliser per step). */
export function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    h = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** Stream codes keep the per-kind streams apart (persons, companies, ...). */
export const STREAM = {
  household: 1,
  person: 2,
  address: 3,
  company: 4,
  shell: 5,
  strawMan: 6,
  cluster: 7,
  tie: 8,
  asset: 9,
  query: 10,
  hub: 11,
} as const;

/** The random stream of one entity. */
export function rngFor(seed: number, stream: number, ...index: number[]): Random {
  return mulberry32(mix(seed, stream, ...index));
}

/** Integer in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Uniform pick. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** Pick skewed to the front of the list (popular names first), roughly Zipf-like. */
export function pickSkewed<T>(random: Random, items: readonly T[]): T {
  const r = random();
  const item = items[Math.floor(r * r * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** Zero-padded number. */
export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
