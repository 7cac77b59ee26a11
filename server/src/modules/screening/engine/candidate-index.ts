/**
 * The in-memory candidate index: a static CSR segment (typed arrays, pre-decoded records)
 * plus a small delta segment for records added since the last build, and a
 * tombstone bitmap for removals. When the delta or the tombstones grow too large the
 * whole index is rebuilt from its own stored records (no source data needed).
 */
import { buildBaseSegment } from './index-build.js';
import type { BaseSegment, IndexInput } from './index-build.js';
import { collectKeys } from './index-keys.js';
import { hashString, lastHash, lookupEntry, setEntry } from './hash-table.js';
import { prepareEntity } from './features.js';
import { decodeDisplayNames, decodeRecord, decodeRecordId, encodeRecord } from './record-codec.js';
import { decodeFields } from './record-store.js';
import type { EntityRecord, PreparedEntity } from './types.js';

/** A record of the delta segment, as it reads back from its text form (so a snapshot round trip changes nothing). */
export interface DeltaRecord {
  id: string;
  entity: PreparedEntity;
}

export interface CandidateIndex {
  base: BaseSegment;
  /** Records added after the base was built; record number = base.recordCount + position. */
  deltaRecords: DeltaRecord[];
  deltaPostings: Map<string, number[]>;
  /** 1 = removed or superseded; indexed by record number. */
  tombstones: Uint8Array;
  deadCount: number;
}

/** Rebuild when the delta exceeds this share of the base (or DELTA_MIN records). */
const DELTA_SHARE = 0.05;
const DELTA_MIN = 10_000;
const DEAD_SHARE = 0.25;

/** Total record slots (live and dead). */
export function recordCount(index: CandidateIndex): number {
  return index.base.recordCount + index.deltaRecords.length;
}

/** Live entities in the index. */
export function liveCount(index: CandidateIndex): number {
  return recordCount(index) - index.deadCount;
}

function headText(base: BaseSegment, record: number): string {
  return base.recordBlob.toString('utf8', base.recordOffsets[record] ?? 0, base.recordOffsets[record + 1] ?? 0);
}

/** The id of a record number. */
export function recordId(index: CandidateIndex, record: number): string {
  const { base } = index;
  if (record >= base.recordCount) return index.deltaRecords[record - base.recordCount]?.id ?? '';
  return decodeRecordId(headText(base, record));
}

/**
 * The prepared entity of a record number. Display names are read (from text) only when
 * asked for: scoring does not need them, explanations do.
 */
export function recordEntity(index: CandidateIndex, record: number, withDisplayNames: boolean): PreparedEntity {
  const { base } = index;
  if (record >= base.recordCount) {
    const delta = index.deltaRecords[record - base.recordCount];
    if (delta === undefined) throw new Error(`No record ${record} in the index`);
    return delta.entity;
  }
  return decodeFields(base.store, record, withDisplayNames ? decodeDisplayNames(headText(base, record)) : []);
}

function toInput(record: EntityRecord): IndexInput {
  return { id: record.id, entity: prepareEntity(record) };
}

/** A record as it reads back from its text form (ids and display names lose control characters). */
function throughText(input: IndexInput): DeltaRecord {
  return decodeRecord(encodeRecord(input.id, input.entity));
}

function markDead(index: CandidateIndex, record: number): void {
  if (record < 0 || index.tombstones[record] === 1) return;
  index.tombstones[record] = 1;
  index.deadCount += 1;
}

function ensureTombstoneCapacity(index: CandidateIndex, needed: number): void {
  if (needed <= index.tombstones.length) return;
  const next = new Uint8Array(Math.max(needed, index.tombstones.length * 2, 1024));
  next.set(index.tombstones);
  index.tombstones = next;
}

function fromBase(base: BaseSegment): CandidateIndex {
  const index: CandidateIndex = {
    base,
    deltaRecords: [],
    deltaPostings: new Map(),
    tombstones: new Uint8Array(Math.max(1024, base.recordCount)),
    deadCount: 0,
  };
  for (const record of base.superseded) markDead(index, record);
  base.superseded = [];
  return index;
}

function* mapInputs(records: Iterable<EntityRecord>): Generator<IndexInput> {
  for (const record of records) yield toInput(record);
}

/** Builds an index from plain entity records; a repeated id keeps the last record. */
export function buildIndex(records: Iterable<EntityRecord>): CandidateIndex {
  const expected = Array.isArray(records) ? records.length : 1024;
  return fromBase(buildBaseSegment(mapInputs(records), expected));
}

/**
 * Builds an index from prepared records in order (a repeated id keeps the last); with the same
 * records and `expected` as buildIndex was given, the result is the same, without preparing again.
 */
export function indexFromInputs(inputs: Iterable<IndexInput>, expected: number): CandidateIndex {
  return fromBase(buildBaseSegment(inputs, expected));
}

/** Wraps a loaded base segment and its tombstones (used by the snapshot loader). */
export function indexFromParts(base: BaseSegment, tombstones: Uint8Array): CandidateIndex {
  const index = fromBase(base);
  ensureTombstoneCapacity(index, tombstones.length);
  index.tombstones.set(tombstones);
  index.deadCount = tombstones.reduce((sum, flag) => sum + flag, 0);
  return index;
}

/** Re-creates the delta segment from encoded records (used by the snapshot loader). */
export function restoreDelta(index: CandidateIndex, texts: string[]): void {
  for (const text of texts) appendDeltaRecord(index, decodeRecord(text));
}

/** The delta records in text form (used by the snapshot writer). */
export function deltaTexts(index: CandidateIndex): string[] {
  return index.deltaRecords.map(({ id, entity }) => encodeRecord(id, entity));
}

/** Appends one record to the delta; the id now points at it and its older record dies. */
function appendDeltaRecord(index: CandidateIndex, input: DeltaRecord): number {
  const number = recordCount(index);
  ensureTombstoneCapacity(index, number + 1);
  index.deltaRecords.push(input);
  hashString(input.id);
  const previous = setEntry(index.base.ids, lastHash.high, lastHash.low, number);
  if (previous >= 0 && previous !== number) markDead(index, previous);
  for (const { key } of collectKeys(input.entity, false)) {
    const list = index.deltaPostings.get(key);
    if (list === undefined) index.deltaPostings.set(key, [number]);
    else list.push(number);
  }
  return number;
}

/** Live record number of an id, or -1. */
export function findRecord(index: CandidateIndex, id: string): number {
  hashString(id);
  const record = lookupEntry(index.base.ids, lastHash.high, lastHash.low);
  if (record < 0 || index.tombstones[record] === 1) return -1;
  return recordId(index, record) === id ? record : -1;
}

/** Adds or replaces entities (same id = replace). Rebuilds the index when the delta grows large. */
export function addEntities(index: CandidateIndex, records: Iterable<EntityRecord>): void {
  for (const record of records) appendDeltaRecord(index, throughText(toInput(record)));
  if (index.deltaRecords.length > Math.max(DELTA_MIN, index.base.recordCount * DELTA_SHARE)) compactIndex(index);
}

/** Removes an entity by id (tombstone). Returns false when the id is unknown. */
export function removeEntity(index: CandidateIndex, id: string): boolean {
  const record = findRecord(index, id);
  if (record < 0) return false;
  markDead(index, record);
  if (index.deadCount > Math.max(1000, recordCount(index) * DEAD_SHARE)) compactIndex(index);
  return true;
}

function* liveInputs(index: CandidateIndex): Generator<IndexInput> {
  const total = recordCount(index);
  for (let record = 0; record < total; record += 1) {
    if (index.tombstones[record] === 1) continue;
    yield { id: recordId(index, record), entity: recordEntity(index, record, true) };
  }
}

/** Rebuilds the index in place from its live records: merges the delta, drops tombstones. */
export function compactIndex(index: CandidateIndex): void {
  const rebuilt = fromBase(buildBaseSegment(liveInputs(index), liveCount(index)));
  Object.assign(index, rebuilt);
}
