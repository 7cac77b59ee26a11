/**
 * Builds the static (CSR) part of the candidate index: every record's keys are interned
 * into a typed hash table, (key, record) pairs are collected in growable typed arrays,
 * then counted and laid out as postings with an offset table. Memory stays in a handful
 * of large typed arrays however many records there are.
 */
import { createHashTable, hashString, internKey, lastHash, setEntry } from './hash-table.js';
import type { HashTable } from './hash-table.js';
import { collectKeys } from './index-keys.js';
import { encodeRecordHead } from './record-codec.js';
import { GrowableU32, RecordStoreBuilder } from './record-store.js';
import type { RecordStore } from './record-store.js';
import type { PreparedEntity } from './types.js';

/** The static segment: pre-decoded records, their ids and display names as text, and CSR postings per key. */
export interface BaseSegment {
  recordCount: number;
  /** The head (id, display names) of record i is blob bytes [recordOffsets[i], recordOffsets[i+1]). */
  recordOffsets: Uint32Array;
  recordBlob: Buffer;
  /** Everything scoring needs, without text parsing. */
  store: RecordStore;
  keys: HashTable;
  /** postings of key k are postings[postingOffsets[k] .. postingOffsets[k+1]), ascending record numbers. */
  postingOffsets: Uint32Array;
  postings: Uint32Array;
  ids: HashTable;
  /** Records whose id was seen again later in the input (the later one wins). */
  superseded: number[];
}

class BlobWriter {
  buffer = Buffer.allocUnsafe(1 << 16);
  length = 0;
  write(text: string): void {
    const needed = this.length + Buffer.byteLength(text, 'utf8');
    if (needed > this.buffer.length) {
      const next = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(next, 0, 0, this.length);
      this.buffer = next;
    }
    this.length += this.buffer.write(text, this.length, 'utf8');
  }
}

/** One record to put in the index: its id and prepared form. */
export interface IndexInput {
  id: string;
  entity: PreparedEntity;
}

interface BuildState {
  keys: HashTable;
  ids: HashTable;
  pairKeys: GrowableU32;
  pairRecords: GrowableU32;
  offsets: GrowableU32;
  blob: BlobWriter;
  store: RecordStoreBuilder;
  superseded: number[];
  count: number;
}

function addRecord(state: BuildState, input: IndexInput): void {
  const record = state.count;
  state.offsets.push(state.blob.length);
  state.blob.write(encodeRecordHead(input.id, input.entity.displayNames));
  state.store.add(input.entity);
  hashString(input.id);
  const previous = setEntry(state.ids, lastHash.high, lastHash.low, record);
  if (previous >= 0) state.superseded.push(previous);
  for (const { key } of collectKeys(input.entity, false)) {
    hashString(key);
    state.pairKeys.push(internKey(state.keys, lastHash.high, lastHash.low));
    state.pairRecords.push(record);
  }
  state.count += 1;
}

function layoutPostings(state: BuildState): { postingOffsets: Uint32Array; postings: Uint32Array } {
  const keyCount = state.keys.size;
  const postingOffsets = new Uint32Array(keyCount + 1);
  const pairKeys = state.pairKeys.data;
  const pairRecords = state.pairRecords.data;
  const pairCount = state.pairKeys.length;
  for (let i = 0; i < pairCount; i += 1) {
    const slot = (pairKeys[i] ?? 0) + 1;
    postingOffsets[slot] = (postingOffsets[slot] ?? 0) + 1;
  }
  for (let k = 0; k < keyCount; k += 1) postingOffsets[k + 1] = (postingOffsets[k + 1] ?? 0) + (postingOffsets[k] ?? 0);
  const cursor = postingOffsets.slice(0, keyCount);
  const postings = new Uint32Array(pairCount);
  // Pairs arrive in record order, so each posting list comes out sorted.
  for (let i = 0; i < pairCount; i += 1) {
    const key = pairKeys[i] ?? 0;
    const position = cursor[key] ?? 0;
    postings[position] = pairRecords[i] ?? 0;
    cursor[key] = position + 1;
  }
  return { postingOffsets, postings };
}

/** Builds a base segment from records in order (record number = position). */
export function buildBaseSegment(inputs: Iterable<IndexInput>, expected = 1024): BaseSegment {
  const state: BuildState = {
    keys: createHashTable(expected * 4),
    ids: createHashTable(expected),
    pairKeys: new GrowableU32(),
    pairRecords: new GrowableU32(),
    offsets: new GrowableU32(),
    blob: new BlobWriter(),
    store: new RecordStoreBuilder(),
    superseded: [],
    count: 0,
  };
  for (const input of inputs) addRecord(state, input);
  state.offsets.push(state.blob.length);
  const { postingOffsets, postings } = layoutPostings(state);
  return {
    recordCount: state.count,
    recordOffsets: state.offsets.data.slice(0, state.offsets.length),
    recordBlob: Buffer.from(state.blob.buffer.subarray(0, state.blob.length)),
    store: state.store.finish(),
    keys: state.keys,
    postingOffsets,
    postings,
    ids: state.ids,
    superseded: state.superseded,
  };
}
