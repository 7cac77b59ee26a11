import type { StringTable } from './graph.types.js';

/** Why 0.75: linear probing stays short while the table costs ~5.3 bytes per node. */
const MAX_LOAD = 0.75;

/** FNV-1a over UTF-8 bytes; cheap and good enough for linear probing of ids. */
export function hashBytes(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  }
  return hash >>> 0;
}

function sameBytes(table: StringTable, index: number, key: Uint8Array): boolean {
  const start = table.offsets[index]!;
  const end = table.offsets[index + 1]!;
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) {
    if (table.bytes[start + i] !== key[i]) return false;
  }
  return true;
}

/** Finds a key: returns its string index, or -1. */
export function lookupId(slots: Uint32Array, table: StringTable, key: Uint8Array): number {
  const capacity = slots.length;
  if (capacity === 0) return -1;
  let slot = hashBytes(key) % capacity;
  for (;;) {
    const entry = slots[slot]!;
    if (entry === 0) return -1;
    if (sameBytes(table, entry - 1, key)) return entry - 1;
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}

/** Inserts string `index` (caller guarantees it is absent). */
export function insertId(slots: Uint32Array, table: StringTable, index: number): void {
  const capacity = slots.length;
  let slot = hashBytes(table.bytes, table.offsets[index]!, table.offsets[index + 1]!) % capacity;
  while (slots[slot] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
  slots[slot] = index + 1;
}

/** Capacity for `count` keys at the target load. */
export function indexCapacity(count: number): number {
  return Math.max(8, Math.ceil(count / MAX_LOAD) + 1);
}

/** Whether one more key would push the table past its load factor. */
export function needsGrowth(slots: Uint32Array, count: number): boolean {
  return count + 1 > slots.length * MAX_LOAD;
}

/**
 * The builder's probe: like lookupId for a key of `length` bytes with a known `hash`, but
 * compares the stored hash of each entry (`hashes[index]`) before its bytes, so a probe
 * touches the id bytes only on a real match. Returns the string index, or -(slot + 1) of
 * the empty slot where the key belongs.
 */
export function probeId(
  slots: Uint32Array,
  hashes: Uint32Array,
  table: StringTable,
  key: Uint8Array,
  length: number,
  hash: number,
): number {
  const capacity = slots.length;
  let slot = hash % capacity;
  for (;;) {
    const entry = slots[slot]!;
    if (entry === 0) return -(slot + 1);
    if (hashes[entry - 1] === hash) {
      const start = table.offsets[entry - 1]!;
      if (table.offsets[entry]! - start === length) {
        let same = true;
        for (let i = 0; i < length && same; i++) same = table.bytes[start + i] === key[i];
        if (same) return entry - 1;
      }
    }
    slot = slot + 1 === capacity ? 0 : slot + 1;
  }
}

/**
 * An index over `count` strings from their hashes (hashBytes of each): the same table
 * buildIdIndex makes from the bytes, without reading them again.
 */
export function buildIdIndexFromHashes(
  hashes: Uint32Array,
  count: number,
  capacity = indexCapacity(count),
): Uint32Array {
  const slots = new Uint32Array(capacity);
  for (let i = 0; i < count; i++) {
    let slot = hashes[i]! % capacity;
    while (slots[slot] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
    slots[slot] = i + 1;
  }
  return slots;
}

/** Builds a fresh index over the first `count` strings of a table. */
export function buildIdIndex(table: StringTable, count: number, capacity = indexCapacity(count)): Uint32Array {
  const slots = new Uint32Array(capacity);
  for (let i = 0; i < count; i++) insertId(slots, table, i);
  return slots;
}
