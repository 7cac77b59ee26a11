// Signed checkpoints in the shape of C2SP tlog-checkpoint inside a C2SP signed note:
//
//   <origin>\n<tree size>\n<base64 root hash>\nTimestamp: <ISO 8601 UTC>\n
//   \n
//   — <key name> <base64(4-byte key id || 64-byte Ed25519 signature)>\n
//
// The key id is the first four bytes of SHA-256(key name || "\n" || 0x01 || raw public key), as
// signed-note defines for Ed25519, so a note can carry signatures from several keys (witnesses)
// and a verifier picks out the one it trusts. Parsing is strict: exactly one accepted text per
// checkpoint, so a signature can never be reused for a differently-written body.

import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fromBase64 } from './encoding.js';
import { HASH_SIZE } from './merkle-tree.js';

/** The statement a log signs: "my first treeSize entries have this root". */
export type Checkpoint = {
  /** Unique name of the log, e.g. "weerbaar.example.nl/audit"; also the default key name. */
  readonly origin: string;
  readonly treeSize: number;
  /** Standard base64 of the 32-byte RFC 9162 root. */
  readonly rootHash: string;
  /** When the checkpoint was made, ISO 8601 UTC as Date.toISOString() writes it. */
  readonly timestamp: string;
};

/** An Ed25519 key pair in PEM (SPKI public, PKCS#8 private). */
export type CheckpointKeyPair = {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
};

/** Outcome of checking a signed checkpoint. */
export type CheckpointVerification =
  { readonly isValid: true; readonly checkpoint: Checkpoint } | { readonly isValid: false; readonly reason: string };

const SIGNATURE_PREFIX = '\u2014 ';
const ED25519_ALGORITHM_BYTE = 0x01;
const KEY_ID_SIZE = 4;
const SIGNATURE_SIZE = 64;
const KEY_NAME_PATTERN = /^[^\s+]+$/u;
const TREE_SIZE_PATTERN = /^(?:0|[1-9][0-9]*)$/;
const TIMESTAMP_PREFIX = 'Timestamp: ';
const encoder = new TextEncoder();

/** Generates an Ed25519 key pair for signing checkpoints. */
export function generateCheckpointKeyPair(): CheckpointKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || jwk.x === undefined) throw new TypeError('not an Ed25519 key');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

function keyIdOf(keyName: string, publicKey: KeyObject): Uint8Array {
  const hash = createHash('sha256')
    .update(keyName)
    .update(Uint8Array.of(0x0a, ED25519_ALGORITHM_BYTE))
    .update(rawPublicKey(publicKey))
    .digest();
  return new Uint8Array(hash.subarray(0, KEY_ID_SIZE));
}

function isTimestamp(text: string): boolean {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}

/** Reasons a checkpoint's fields cannot be written or were not read back; empty when fine. */
function checkpointFieldProblem(checkpoint: Checkpoint): string | undefined {
  if (!KEY_NAME_PATTERN.test(checkpoint.origin)) return 'origin must be non-empty without spaces or "+"';
  if (!Number.isSafeInteger(checkpoint.treeSize) || checkpoint.treeSize < 0) return 'bad tree size';
  try {
    if (fromBase64(checkpoint.rootHash).byteLength !== HASH_SIZE) return 'root hash is not 32 bytes';
  } catch {
    return 'root hash is not canonical base64';
  }
  if (!isTimestamp(checkpoint.timestamp)) return 'timestamp is not an ISO 8601 UTC time';
  return undefined;
}

/** The signed body text of a checkpoint (ends with a newline). */
export function formatCheckpointBody(checkpoint: Checkpoint): string {
  const problem = checkpointFieldProblem(checkpoint);
  if (problem !== undefined) throw new TypeError(`cannot write checkpoint: ${problem}`);
  const { origin, treeSize, rootHash, timestamp } = checkpoint;
  return `${origin}\n${treeSize}\n${rootHash}\n${TIMESTAMP_PREFIX}${timestamp}\n`;
}

/** Reads a checkpoint body; throws when it is not exactly in the form formatCheckpointBody writes. */
export function parseCheckpointBody(body: string): Checkpoint {
  const lines = body.split('\n');
  const [origin, size, rootHash, timestampLine, end] = lines;
  if (lines.length !== 5 || end !== '' || origin === undefined || rootHash === undefined) {
    throw new SyntaxError('checkpoint body must have exactly four lines');
  }
  if (size === undefined || !TREE_SIZE_PATTERN.test(size)) throw new SyntaxError('bad tree size line');
  if (timestampLine === undefined || !timestampLine.startsWith(TIMESTAMP_PREFIX)) {
    throw new SyntaxError('missing timestamp line');
  }
  const timestamp = timestampLine.slice(TIMESTAMP_PREFIX.length);
  const checkpoint: Checkpoint = {
    origin,
    treeSize: Number(size),
    rootHash,
    timestamp,
  };
  const problem = checkpointFieldProblem(checkpoint);
  if (problem !== undefined) throw new SyntaxError(problem);
  return checkpoint;
}

/** Signs a checkpoint with an Ed25519 private key; returns the signed note text. */
export function createCheckpoint(
  checkpoint: Checkpoint,
  privateKeyPem: string,
  keyName: string = checkpoint.origin,
): string {
  if (!KEY_NAME_PATTERN.test(keyName)) throw new TypeError('key name must not contain spaces or "+"');
  const body = formatCheckpointBody(checkpoint);
  const publicKey = createPublicKey(privateKeyPem);
  const signature = sign(null, encoder.encode(body), privateKeyPem);
  const blob = Buffer.concat([keyIdOf(keyName, publicKey), signature]).toString('base64');
  return `${body}\n${SIGNATURE_PREFIX}${keyName} ${blob}\n`;
}

type SignatureLine = { readonly keyName: string; readonly blob: Uint8Array };

/** Splits a signed note into its body and signature lines; throws on malformed text. */
function splitSignedNote(text: string): {
  body: string;
  signatures: SignatureLine[];
} {
  const separator = text.indexOf('\n\n');
  if (separator < 0 || !text.endsWith('\n')) throw new SyntaxError('not a signed note');
  const body = text.slice(0, separator + 1);
  const signatureLines = text.slice(separator + 2, -1).split('\n');
  const signatures = signatureLines.map((line): SignatureLine => {
    const match = /^\u2014 ([^\s+]+) ([A-Za-z0-9+/]+={0,2})$/u.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) {
      throw new SyntaxError('malformed signature line');
    }
    return { keyName: match[1], blob: fromBase64(match[2]) };
  });
  return { body, signatures };
}

/** Reads a signed checkpoint without checking any signature (for display or diagnosis only). */
export function readCheckpointUnverified(text: string): Checkpoint {
  return parseCheckpointBody(splitSignedNote(text).body);
}

function hasValidSignature(
  body: string,
  signatures: readonly SignatureLine[],
  keyName: string,
  publicKey: KeyObject,
): boolean {
  const message = encoder.encode(body);
  const expectedId = keyIdOf(keyName, publicKey);
  // Signatures by other keys (witnesses, a rotated key) are allowed and ignored.
  return signatures.some((signature) => {
    if (signature.keyName !== keyName) return false;
    if (signature.blob.byteLength !== KEY_ID_SIZE + SIGNATURE_SIZE) return false;
    if (!Buffer.from(signature.blob.subarray(0, KEY_ID_SIZE)).equals(expectedId)) return false;
    return verify(null, message, publicKey, signature.blob.subarray(KEY_ID_SIZE));
  });
}

/**
 * Checks a signed checkpoint against a trusted Ed25519 public key. The signature must be made
 * under `keyName` (default: the checkpoint's origin); `origin`, when given, must match too.
 */
export function verifyCheckpoint(
  text: string,
  publicKeyPem: string,
  expected: { readonly origin?: string; readonly keyName?: string } = {},
): CheckpointVerification {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
    rawPublicKey(publicKey);
  } catch {
    return {
      isValid: false,
      reason: 'the public key is not an Ed25519 key in PEM form',
    };
  }
  let parsed: {
    body: string;
    signatures: SignatureLine[];
    checkpoint: Checkpoint;
  };
  try {
    const note = splitSignedNote(text);
    parsed = { ...note, checkpoint: parseCheckpointBody(note.body) };
  } catch (error) {
    return {
      isValid: false,
      reason: `malformed checkpoint: ${(error as Error).message}`,
    };
  }
  const { checkpoint } = parsed;
  if (expected.origin !== undefined && checkpoint.origin !== expected.origin) {
    return {
      isValid: false,
      reason: `checkpoint is for log "${checkpoint.origin}", not "${expected.origin}"`,
    };
  }
  const keyName = expected.keyName ?? checkpoint.origin;
  if (!hasValidSignature(parsed.body, parsed.signatures, keyName, publicKey)) {
    return {
      isValid: false,
      reason: `no valid signature by key "${keyName}" on the checkpoint`,
    };
  }
  return { isValid: true, checkpoint };
}
