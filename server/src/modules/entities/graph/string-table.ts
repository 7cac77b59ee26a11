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

  /** Appends already-encoded bytes and returns the new string's index. */
  appendBytes(value: Uint8Array): number {
    this.bytes.reserve(this.bytes.length + value.length);
    this.bytes.data.set(value, this.bytes.length);
    this.bytes.length += value.length;
    this.offsets.push(this.bytes.length);
    return this.count - 1;
  }

  /** Appends a string and returns its index. */
  append(value: string): number {
    return this.appendBytes(encodeUtf8(value));
  }

  /** Freezes into exact-size arrays. */
  build(): StringTable {
    return { bytes: this.bytes.toArray(), offsets: this.offsets.toArray() };
  }
}

/** Reads string i of a table. */
export function readString(table: StringTable, index: number): string {
  const start = table.offsets[index]!;
  const end = table.offsets[index + 1]!;
  return decoder.decode(table.bytes.subarray(start, end));
}

let scratch = new Uint8Array(256);

/**
 * Encodes a string to UTF-8 into a shared scratch buffer and returns a view that is only
 * valid until the next call. Ids are nearly always ASCII, and the hand loop avoids one
 * allocation per id, which dominated build time at millions of ids.
 */
export function encodeUtf8(value: string): Uint8Array {
  if (value.length * 3 > scratch.length) scratch = new Uint8Array(value.length * 3);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80) return scratch.subarray(0, encoder.encodeInto(value, scratch).written);
    scratch[i] = code;
  }
  return scratch.subarray(0, value.length);
}
