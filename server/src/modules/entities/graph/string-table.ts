import { Growable, u8, u32 } from './growable.js';
import type { StringTable } from './graph.types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Appends strings as UTF-8 into one byte buffer; no JS string is kept per entry. */
export class StringTableBuilder {
  readonly bytes = new Growable(u8, 1 << 16);
  readonly offsets = new Growable(u32, 1024);

  constructor() {
    this.offsets.push(0);
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  /**
   * Appends already-encoded bytes (the first `length` of `value`) and returns the new
   * string's index. Short ids are copied by hand: TypedArray.set's fixed cost is several
   * times that of copying ten bytes.
   */
  appendBytes(value: Uint8Array, length = value.length): number {
    const bytes = this.bytes;
    const at = bytes.length;
    bytes.reserve(at + length);
    const data = bytes.data;
    if (length <= 32) for (let i = 0; i < length; i++) data[at + i] = value[i]!;
    else data.set(value.subarray(0, length), at);
    bytes.length = at + length;
    this.offsets.push(at + length);
    return this.count - 1;
  }

  /** Appends bytes[start, end) of another buffer (no view is made for the range). */
  appendRange(source: Uint8Array, start: number, end: number): number {
    const bytes = this.bytes;
    const at = bytes.length;
    const length = end - start;
    bytes.reserve(at + length);
    const data = bytes.data;
    for (let i = 0; i < length; i++) data[at + i] = source[start + i]!;
    bytes.length = at + length;
    this.offsets.push(at + length);
    return this.count - 1;
  }

  /** Appends a string and returns its index. */
  append(value: string): number {
    const length = encodeToScratch(value);
    return this.appendBytes(scratch, length);
  }

  /** Freezes into exact-size arrays. */
  build(): StringTable {
    return { bytes: this.bytes.toArray(), offsets: this.offsets.toArray() };
  }
}

/** Longest string decoded by hand; past it TextDecoder's fixed cost no longer dominates. */
const SHORT = 32;

/**
 * Reads string i of a table. Ids are short and nearly always ASCII: a hand loop decodes them
 * about three times faster than TextDecoder, whose per-call cost dominated building answer
 * objects; anything else goes to TextDecoder.
 */
export function readString(table: StringTable, index: number): string {
  const start = table.offsets[index]!;
  const end = table.offsets[index + 1]!;
  const bytes = table.bytes;
  if (end - start <= SHORT) {
    let text = '';
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      if (byte >= 0x80) return decoder.decode(bytes.subarray(start, end));
      text += String.fromCharCode(byte);
    }
    return text;
  }
  return decoder.decode(bytes.subarray(start, end));
}

let scratch = new Uint8Array(256);

/**
 * Encodes a string to UTF-8 into a shared scratch buffer and returns a view that is only
 * valid until the next call. Ids are nearly always ASCII, and the hand loop avoids one
 * allocation per id, which dominated build time at millions of ids.
 */
export function encodeUtf8(value: string): Uint8Array {
  return scratch.subarray(0, encodeToScratch(value));
}

/**
 * Encodes a string to UTF-8 into the shared scratch buffer (see `utf8Scratch`) and returns
 * the byte length; no view object is made, which the builder's per-id hot path notices.
 */
export function encodeToScratch(value: string): number {
  if (value.length * 3 > scratch.length) scratch = new Uint8Array(value.length * 3);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80) return encoder.encodeInto(value, scratch).written;
    scratch[i] = code;
  }
  return value.length;
}

/** The scratch buffer encodeToScratch wrote into (valid until the next call). */
export function utf8Scratch(): Uint8Array {
  return scratch;
}
