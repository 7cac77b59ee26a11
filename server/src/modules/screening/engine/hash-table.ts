/**
 * Open-addressing hash table in typed arrays, keyed by a 64-bit hash (two 32-bit
 * halves). Entries are dense indices (key number, record number), so the table is
 * three flat arrays instead of a Map with millions of string keys. A 64-bit hash
 * makes a false match between two distinct keys vanishingly rare (about 1e-7 at 1e6 keys).
 */

export interface HashTable {
  /** slot -> entry index + 1 (0 = empty). Length is a power of two. */
  slots: Int32Array;
  /** entry index -> first and second hash half. */
  hashHigh: Uint32Array;
  hashLow: Uint32Array;
  /** Number of entries. */
  size: number;
}

/** Hash halves of the most recent hashString call (module state avoids a tuple allocation in the hot path). */
export const lastHash = { high: 0, low: 0 };

/** Hashes a string into lastHash.high / lastHash.low (FNV-1a and a Murmur-style mix). */
export function hashString(text: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  lastHash.high = (a ^ (a >>> 16)) >>> 0;
  lastHash.low = (b ^ (b >>> 16)) >>> 0;
}

/** Creates an empty table for about `expected` entries. */
export function createHashTable(expected: number): HashTable {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  const entries = Math.max(8, expected);
  return {
    slots: new Int32Array(capacity),
    hashHigh: new Uint32Array(entries),
    hashLow: new Uint32Array(entries),
    size: 0,
  };
}

/** Slot holding the hash, or the empty slot where it would go. */
export function findSlot(table: HashTable, high: number, low: number): number {
  const mask = table.slots.length - 1;
  let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
  for (;;) {
    const value = table.slots[slot] ?? 0;
    if (value === 0) return slot;
    const entry = value - 1;
    if (table.hashHigh[entry] === high && table.hashLow[entry] === low) return slot;
    slot = (slot + 1) & mask;
  }
}

/** Entry index for a hash, or -1. */
export function lookupEntry(table: HashTable, high: number, low: number): number {
  return (table.slots[findSlot(table, high, low)] ?? 0) - 1;
}

function growEntries(table: HashTable, needed: number): void {
  if (needed <= table.hashHigh.length) return;
  const length = Math.max(needed, table.hashHigh.length * 2);
  const high = new Uint32Array(length);
  const low = new Uint32Array(length);
  high.set(table.hashHigh);
  low.set(table.hashLow);
  table.hashHigh = high;
  table.hashLow = low;
}

function growSlots(table: HashTable): void {
  const old = table.slots;
  table.slots = new Int32Array(old.length * 2);
  for (const value of old) {
    if (value === 0) continue;
    const entry = value - 1;
    table.slots[findSlot(table, table.hashHigh[entry] ?? 0, table.hashLow[entry] ?? 0)] = value;
  }
}

/**
 * Points the hash at `entry` (a new dense index, or an existing one to re-point an id
 * at its newest record). Returns the entry the hash pointed at before, or -1.
 */
export function setEntry(table: HashTable, high: number, low: number, entry: number): number {
  if ((table.size + 1) * 2 > table.slots.length) growSlots(table);
  growEntries(table, entry + 1);
  const slot = findSlot(table, high, low);
  const previous = (table.slots[slot] ?? 0) - 1;
  table.hashHigh[entry] = high;
  table.hashLow[entry] = low;
  table.slots[slot] = entry + 1;
  if (previous < 0) table.size += 1;
  return previous;
}

/** Entry for a hash, adding it as entry `size` when new (dense numbering of keys). */
export function internKey(table: HashTable, high: number, low: number): number {
  const found = lookupEntry(table, high, low);
  if (found >= 0) return found;
  setEntry(table, high, low, table.size);
  return table.size - 1;
}
