import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key with the id stored in every envelope it seals, so keys can rotate. */
export type FieldKey = { id: string; key: Buffer };

/** The keyring: the first key seals new values, every key opens values sealed with it. */
export type FieldKeys = readonly FieldKey[];

/** Where a value lives; bound into the ciphertext so it cannot be copied to another row or organisation. */
export type FieldLocation = { table: string; column: string; rowId: string; organisationId: string };

const envelopeVersion = 'v1';
const ivBytes = 12;
const tagBytes = 16;
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

export class FieldDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

// JSON of an array is unambiguous: no choice of table or id can make two locations collide.
const associatedData = (keyId: string, at: FieldLocation): Buffer =>
  Buffer.from(JSON.stringify([envelopeVersion, keyId, at.table, at.column, at.rowId, at.organisationId]), 'utf8');

function currentKey(keys: FieldKeys): FieldKey {
  const key = keys[0];
  if (!key) throw new Error('no field-encryption key configured');
  return key;
}

/** Seals `plaintext` with AES-256-GCM under the current key: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url). */
export function encryptField(keys: FieldKeys, at: FieldLocation, plaintext: string): string {
  const { id, key } = currentKey(keys);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(associatedData(id, at));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((b) => b.toString('base64url'));
  return [envelopeVersion, id, ...parts].join('.');
}

type Envelope = { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

function parseEnvelope(stored: string): Envelope {
  const parts = stored.split('.');
  const [version, keyId, iv, ciphertext, tag] = parts;
  if (parts.length !== 5 || version !== envelopeVersion || !keyId || !iv || ciphertext === undefined || !tag) {
    throw new FieldDecryptionError('stored value is not a v1 encrypted field');
  }
  return {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
}

/** True when `stored` looks like a sealed value (used to find values written before encryption). */
export function isEncryptedField(stored: string): boolean {
  try {
    parseEnvelope(stored);
    return true;
  } catch {
    return false;
  }
}

/** The id of the key that sealed `stored`. */
export const keyIdOf = (stored: string): string => parseEnvelope(stored).keyId;

/** Opens a sealed value; throws FieldDecryptionError on an unknown key, another location or any tampering. */
export function decryptField(keys: FieldKeys, at: FieldLocation, stored: string): string {
  const envelope = parseEnvelope(stored);
  const entry = keys.find((k) => k.id === envelope.keyId);
  if (!entry) {
    throw new FieldDecryptionError(
      `${at.table}.${at.column} of ${at.rowId} is sealed with key "${envelope.keyId}", which is not in ENCRYPTION_KEYS`,
    );
  }
  if (envelope.iv.length !== ivBytes || envelope.tag.length !== tagBytes) {
    throw new FieldDecryptionError(`${at.table}.${at.column} of ${at.rowId} has a malformed envelope`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, envelope.iv, { authTagLength: tagBytes });
    decipher.setAAD(associatedData(envelope.keyId, at));
    decipher.setAuthTag(envelope.tag);
    return Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldDecryptionError(
      `${at.table}.${at.column} of ${at.rowId} failed authentication (tampered, or copied from another record)`,
    );
  }
}

/** Nullable variants: NULL stays NULL, so optional fields need no special casing in repositories. */
export const encryptNullable = (keys: FieldKeys, at: FieldLocation, value: string | null): string | null =>
  value === null ? null : encryptField(keys, at, value);
export const decryptNullable = (keys: FieldKeys, at: FieldLocation, value: string | null): string | null =>
  value === null ? null : decryptField(keys, at, value);

/** Parses `keyId:base64key,…` (ENCRYPTION_KEYS); returns the problems instead when it is malformed. */
export function parseFieldKeys(text: string): { keys: FieldKey[] } | { problems: string[] } {
  const problems: string[] = [];
  const keys: FieldKey[] = [];
  for (const [index, entry] of text.split(',').entries()) {
    const [id = '', encoded = '', ...rest] = entry.trim().split(':');
    const key = Buffer.from(encoded, 'base64');
    if (!keyIdPattern.test(id)) problems.push(`key ${index + 1}: the id must be 1-32 letters, digits, - or _`);
    else if (keys.some((k) => k.id === id)) problems.push(`key ${index + 1}: the id "${id}" is used twice`);
    if (rest.length > 0 || key.length !== 32) problems.push(`key ${index + 1}: expected id:base64 of 32 bytes`);
    keys.push({ id, key });
  }
  return problems.length > 0 ? { problems } : { keys };
}

/** A fresh random key as one ENCRYPTION_KEYS entry, `id:base64`. */
export function generateFieldKeyLine(id: string): string {
  if (!keyIdPattern.test(id)) throw new Error('a key id is 1-32 letters, digits, - or _');
  return `${id}:${randomBytes(32).toString('base64')}`;
}
