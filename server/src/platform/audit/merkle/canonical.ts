// Deterministic JSON for audit events, so the same event always hashes to the same leaf.
//
// Rules (compatible with RFC 8785 JCS for the values audit events hold): object keys sorted by
// UTF-16 code units, no whitespace, strings and finite numbers as JSON.stringify writes them,
// UTF-8 bytes. Properties whose value is undefined are left out, as JSON.stringify does, so an
// event read back from storage (where they are absent) hashes the same as when it was written.
// Anything that would not survive a round trip through JSON (NaN, Infinity, Dates, Maps, class
// instances, bigint) is rejected rather than silently changed.

import { hashLeaf, type Hash } from './merkle-tree.js';

/** A value that survives JSON unchanged. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;

/** A JSON object; undefined-valued properties are treated as absent. */
export type JsonObject = { readonly [key: string]: JsonValue | undefined };

/**
 * The fields an audit event carries (never sensitive payloads). A suggestion for the app, not a
 * requirement: any JsonObject can be hashed.
 */
export type AuditEvent = {
  readonly action: string;
  readonly object: string | null;
  readonly result: 'success' | 'denied' | 'failure';
  readonly origin: string | null;
  readonly actor: string | null;
  readonly organisation: string | null;
  readonly timestamp: string;
  readonly purpose: string | null;
  readonly requestId: string | null;
};

const encoder = new TextEncoder();

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function canonicalObject(value: JsonObject, path: string): string {
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalValue(member, `${path}.${key}`)}`);
  }
  return `{${members.join(',')}}`;
}

function canonicalValue(value: JsonValue, path: string): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} is not valid JSON`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        const items: readonly JsonValue[] = value;
        return `[${items.map((item, i) => canonicalValue(item, `${path}[${i}]`)).join(',')}]`;
      }
      if (!isPlainObject(value)) throw new TypeError(`${path}: only plain objects are JSON`);
      return canonicalObject(value as JsonObject, path);
    default:
      throw new TypeError(`${path}: a ${typeof value} is not valid JSON`);
  }
}

/** Canonical JSON text of a value: sorted keys, no whitespace. */
export function canonicalJson(value: JsonValue): string {
  return canonicalValue(value, '$');
}

/** Canonical JSON of a value as UTF-8 bytes. */
export function canonicalJsonBytes(value: JsonValue): Uint8Array {
  return encoder.encode(canonicalJson(value));
}

/** RFC 9162 leaf hash of an event: SHA-256(0x00 || canonical JSON bytes). */
export function leafHashOfEvent(event: JsonObject): Hash {
  return hashLeaf(canonicalJsonBytes(event));
}
