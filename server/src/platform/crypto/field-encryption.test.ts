import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decryptField,
  encryptField,
  FieldDecryptionError,
  generateFieldKeyLine,
  isEncryptedField,
  keyIdOf,
  parseFieldKeys,
  type FieldKey,
  type FieldLocation,
} from './field-encryption.js';

const key = (id: string): FieldKey => ({ id, key: randomBytes(32) });
const oldKey = key('old');
const newKey = key('new');
const at: FieldLocation = { table: 'officeholders', column: 'home_address', rowId: 'row-1', organisationId: 'org-1' };
const address = 'Stationsstraat 12, 5038 EA Tilburg';

/** Replaces the base64url part `index` (0 = iv, 1 = ciphertext, 2 = tag) with a flipped-bit copy. */
function tamper(stored: string, index: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[2 + index] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[2 + index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('field encryption', () => {
  it('round-trips any text, with a fresh IV each time and no clear text in the envelope', () => {
    const a = encryptField([oldKey], at, address);
    const b = encryptField([oldKey], at, address);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Stationsstraat');
    expect(a).toMatch(/^v1\.old\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(decryptField([oldKey], at, a)).toBe(address);
    expect(decryptField([oldKey], at, encryptField([oldKey], at, ''))).toBe('');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decryptField([oldKey], at, encryptField([oldKey], at, text))).toBe(text);
      }),
    );
  });

  it('refuses a value copied to another row, organisation, table or column', () => {
    const sealed = encryptField([oldKey], at, address);
    for (const elsewhere of [
      { ...at, rowId: 'row-2' },
      { ...at, organisationId: 'org-2' },
      { ...at, table: 'incidents' },
      { ...at, column: 'family_members' },
    ]) {
      expect(() => decryptField([oldKey], elsewhere, sealed)).toThrow(FieldDecryptionError);
      expect(() => decryptField([oldKey], elsewhere, sealed)).toThrow(/failed authentication/);
    }
  });

  it('detects a changed tag, ciphertext or IV', () => {
    const sealed = encryptField([oldKey], at, address);
    for (const part of [0, 1, 2]) {
      expect(() => decryptField([oldKey], at, tamper(sealed, part))).toThrow(FieldDecryptionError);
    }
    const truncatedTag = sealed.slice(0, -4);
    expect(() => decryptField([oldKey], at, truncatedTag)).toThrow(/malformed|failed authentication/);
  });

  it('names the missing key when a value was sealed with a key that is not configured', () => {
    const sealed = encryptField([oldKey], at, address);
    expect(() => decryptField([newKey], at, sealed)).toThrow(/sealed with key "old", which is not in ENCRYPTION_KEYS/);
    // Relabelling the envelope with a known key id does not help: the id is bound in too.
    const relabelled = sealed.replace(/^v1\.old\./, 'v1.new.');
    expect(() => decryptField([newKey, oldKey], at, relabelled)).toThrow(/failed authentication/);
  });

  it('refuses values that are not envelopes, such as clear text written before encryption', () => {
    expect(isEncryptedField(address)).toBe(false);
    expect(() => decryptField([oldKey], at, address)).toThrow(/not a v1 encrypted field/);
  });

  it('rotates: new writes use the first key, older keys still open their values', () => {
    const before = encryptField([oldKey], at, address);
    const ring = [newKey, oldKey];
    expect(decryptField(ring, at, before)).toBe(address);
    const after = encryptField(ring, at, decryptField(ring, at, before));
    expect(keyIdOf(after)).toBe('new');
    expect(decryptField([newKey], at, after)).toBe(address);
    expect(() => decryptField([newKey], at, before)).toThrow(FieldDecryptionError);
  });
});

describe('ENCRYPTION_KEYS parsing', () => {
  it('reads generated key lines, first one first', () => {
    const text = [generateFieldKeyLine('k2'), generateFieldKeyLine('k1')].join(',');
    const parsed = parseFieldKeys(text);
    expect('keys' in parsed && parsed.keys.map((k) => [k.id, k.key.length])).toEqual([
      ['k2', 32],
      ['k1', 32],
    ]);
  });

  it('lists every problem: short keys, bad or duplicate ids', () => {
    const good = generateFieldKeyLine('a');
    const parsed = parseFieldKeys(`${good},a:${randomBytes(32).toString('base64')},b:c2hvcnQ=,bad.id:xyz`);
    expect('problems' in parsed && parsed.problems).toEqual([
      'key 2: the id "a" is used twice',
      'key 3: expected id:base64 of 32 bytes',
      'key 4: the id must be 1-32 letters, digits, - or _',
      'key 4: expected id:base64 of 32 bytes',
    ]);
    expect(() => generateFieldKeyLine('no.dots')).toThrow();
  });
});
