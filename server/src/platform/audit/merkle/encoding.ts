// Text encodings for hashes. Parsers are strict: a hash that does not round-trip exactly is
// rejected, so two different strings can never stand for the same stored value.

const HEX_PATTERN = /^(?:[0-9a-f]{2})*$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;

/** Lower-case hexadecimal of some bytes. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Bytes of a lower-case hexadecimal string; throws on anything else. */
export function fromHex(text: string): Uint8Array {
  if (!HEX_PATTERN.test(text)) throw new Error('not a lower-case hexadecimal string');
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Standard (padded) base64 of some bytes. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Bytes of a canonical standard base64 string; throws on anything else. */
export function fromBase64(text: string): Uint8Array {
  // Node's decoder silently skips invalid characters, so check the alphabet and round-trip.
  const bytes = Buffer.from(text, 'base64');
  if (!BASE64_PATTERN.test(text) || bytes.toString('base64') !== text) {
    throw new Error('not a canonical base64 string');
  }
  return new Uint8Array(bytes);
}
