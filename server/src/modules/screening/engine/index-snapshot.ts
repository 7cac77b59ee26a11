/**
 * Binary snapshot of a candidate index, so a restart maps typed arrays instead of
 * re-parsing entities. Layout: "WBIX", format version, JSON header with section lengths,
 * then 8-byte-aligned raw sections (typed arrays as-is, strings as one UTF-8 blob),
 * then a SHA-256 of everything before it. Loading makes views into the buffer (no copy).
 */
import { createHash } from 'node:crypto';
import { deltaTexts, indexFromParts, recordCount, restoreDelta } from './candidate-index.js';
import type { CandidateIndex } from './candidate-index.js';
import type { BaseSegment } from './index-build.js';
import { dictionaryTexts, storeFromParts } from './record-store.js';

const MAGIC = 'WBIX';
/** 2: records pre-decoded (fields, token dictionary, string pool); the blob keeps ids and display names. */
const VERSION = 2;
const DIGEST_BYTES = 32;
const DELTA_SEPARATOR = '\x1d';

type Section = Uint8Array | Uint32Array | Int32Array;

interface Header {
  recordCount: number;
  keySize: number;
  idSize: number;
  tokenCount: number;
  stringCount: number;
  sections: number[];
}

function align(offset: number): number {
  return Math.ceil(offset / 8) * 8;
}

function sectionsOf(index: CandidateIndex): Section[] {
  const { base } = index;
  const dictionaries = dictionaryTexts(base.store);
  return [
    base.recordOffsets,
    base.recordBlob,
    base.keys.slots,
    base.keys.hashHigh.subarray(0, base.keys.size),
    base.keys.hashLow.subarray(0, base.keys.size),
    base.postingOffsets,
    base.postings,
    base.ids.slots,
    base.ids.hashHigh.subarray(0, recordCount(index)),
    base.ids.hashLow.subarray(0, recordCount(index)),
    index.tombstones.subarray(0, recordCount(index)),
    Buffer.from(deltaTexts(index).join(DELTA_SEPARATOR), 'utf8'),
    base.store.fieldOffsets,
    base.store.fields,
    Buffer.from(dictionaries.tokens, 'utf8'),
    Buffer.from(dictionaries.strings, 'utf8'),
  ];
}

/** Writes the index (base, delta and tombstones) into one Buffer. */
export function serialiseIndex(index: CandidateIndex): Buffer {
  const sections = sectionsOf(index);
  const header: Header = {
    recordCount: index.base.recordCount,
    keySize: index.base.keys.size,
    idSize: index.base.ids.size,
    tokenCount: index.base.store.tokens.length,
    stringCount: index.base.store.strings.length,
    sections: sections.map((section) => section.byteLength),
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  let offset = align(12 + headerBytes.length);
  const starts = sections.map((section) => {
    const start = offset;
    offset = align(offset + section.byteLength);
    return start;
  });
  const out = Buffer.alloc(offset + DIGEST_BYTES);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(VERSION, 4);
  out.writeUInt32LE(headerBytes.length, 8);
  headerBytes.copy(out, 12);
  sections.forEach((section, i) => {
    Buffer.from(section.buffer, section.byteOffset, section.byteLength).copy(out, starts[i] ?? 0);
  });
  createHash('sha256').update(out.subarray(0, offset)).digest().copy(out, offset);
  return out;
}

function readHeader(buf: Buffer): { header: Header; firstSection: number } {
  if (buf.length < 12 + DIGEST_BYTES || buf.toString('latin1', 0, 4) !== MAGIC)
    throw new Error('Not a Weerbaar index snapshot');
  const version = buf.readUInt32LE(4);
  if (version !== VERSION) throw new Error(`Unsupported index snapshot version ${version}`);
  const headerLength = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as Header;
  return { header, firstSection: align(12 + headerLength) };
}

function verifyDigest(buf: Buffer): void {
  const body = buf.subarray(0, buf.length - DIGEST_BYTES);
  const expected = buf.subarray(buf.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(expected))
    throw new Error('Index snapshot is corrupt (checksum mismatch)');
}

/** Section views over the buffer, in the order sectionsOf wrote them. */
function sliceSections(buf: Buffer, header: Header, firstSection: number): Buffer[] {
  let offset = firstSection;
  return header.sections.map((length) => {
    const view = buf.subarray(offset, offset + length);
    offset = align(offset + length);
    return view;
  });
}

function u32(view: Buffer | undefined): Uint32Array {
  const bytes = view ?? Buffer.alloc(0);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

function i32(view: Buffer | undefined): Int32Array {
  const bytes = view ?? Buffer.alloc(0);
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** Loads a snapshot written by serialiseIndex; throws on a wrong format or a corrupt buffer. */
export function loadIndex(input: Buffer): CandidateIndex {
  // Typed-array views need 4-byte alignment; a Buffer from a pool may start anywhere.
  const buf = input.byteOffset % 8 === 0 ? input : Buffer.from(input);
  verifyDigest(buf);
  const { header, firstSection } = readHeader(buf);
  const s = sliceSections(buf, header, firstSection);
  const base: BaseSegment = {
    recordCount: header.recordCount,
    recordOffsets: u32(s[0]),
    recordBlob: s[1] ?? Buffer.alloc(0),
    store: storeFromParts(
      {
        tokens: (s[14] ?? Buffer.alloc(0)).toString('utf8'),
        strings: (s[15] ?? Buffer.alloc(0)).toString('utf8'),
        tokenCount: header.tokenCount,
        stringCount: header.stringCount,
      },
      u32(s[12]),
      u32(s[13]),
    ),
    keys: { slots: i32(s[2]), hashHigh: u32(s[3]), hashLow: u32(s[4]), size: header.keySize },
    postingOffsets: u32(s[5]),
    postings: u32(s[6]),
    // The id table changes on add/remove, so it is copied rather than viewed: the caller's
    // buffer must stay a faithful snapshot. Key tables and postings never change in place.
    ids: { slots: i32(s[7]).slice(), hashHigh: u32(s[8]).slice(), hashLow: u32(s[9]).slice(), size: header.idSize },
    superseded: [],
  };
  const tombstones = new Uint8Array(s[10] ?? Buffer.alloc(0));
  const index = indexFromParts(base, tombstones.subarray(0, header.recordCount));
  const delta = (s[11] ?? Buffer.alloc(0)).toString('utf8');
  restoreDelta(index, delta === '' ? [] : delta.split(DELTA_SEPARATOR));
  tombstones.subarray(header.recordCount).forEach((flag, i) => {
    if (flag === 1 && index.tombstones[header.recordCount + i] !== 1) {
      index.tombstones[header.recordCount + i] = 1;
      index.deadCount += 1;
    }
  });
  return index;
}
