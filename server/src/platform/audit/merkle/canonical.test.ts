import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonBytes, leafHashOfEvent, type JsonValue } from './canonical.js';
import { buildAuditEvent } from './audit-log.factory.js';
import { toHex } from './encoding.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: [{ z: true, y: null }], c: { e: 'x', d: 2.5 } };
    expect(canonicalJson(value)).toBe('{"a":[{"y":null,"z":true}],"b":1,"c":{"d":2.5,"e":"x"}}');
  });

  it('does not depend on key insertion order', () => {
    const keysAndValues = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean()));
    fc.assert(
      fc.property(keysAndValues, (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('round-trips through JSON.parse unchanged', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
      }),
    );
  });

  it('encodes as UTF-8 and escapes as JSON does', () => {
    expect(canonicalJson({ plaats: 'Súdwest-Fryslân', q: 'a"b\n' })).toBe(
      '{"plaats":"Súdwest-Fryslân","q":"a\\"b\\n"}',
    );
    expect(Buffer.from(canonicalJsonBytes('ë')).toString('hex')).toBe('22c3ab22');
  });

  it('leaves out undefined properties, as storage would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('rejects values JSON cannot hold faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ at: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date() } as unknown as JsonValue)).toThrow(TypeError);
    expect(() => canonicalJson([undefined] as unknown as JsonValue)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n } as unknown as JsonValue)).toThrow(TypeError);
  });
});

describe('leafHashOfEvent', () => {
  it('is SHA-256 of 0x00 followed by the canonical JSON', () => {
    const event = buildAuditEvent(3);
    const expected = createHash('sha256').update(Uint8Array.of(0)).update(canonicalJson(event)).digest('hex');
    expect(toHex(leafHashOfEvent(event))).toBe(expected);
  });

  it('changes when any field changes', () => {
    const event = buildAuditEvent(3);
    const original = toHex(leafHashOfEvent(event));
    for (const key of Object.keys(event)) {
      const edited = { ...event, [key]: 'edited' };
      expect(toHex(leafHashOfEvent(edited)), key).not.toBe(original);
    }
  });
});
