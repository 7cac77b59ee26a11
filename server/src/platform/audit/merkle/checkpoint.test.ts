import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createCheckpoint,
  formatCheckpointBody,
  generateCheckpointKeyPair,
  parseCheckpointBody,
  readCheckpointUnverified,
  verifyCheckpoint,
  type Checkpoint,
} from './checkpoint.js';

const KEYS = generateCheckpointKeyPair();
const OTHER_KEYS = generateCheckpointKeyPair();
const CHECKPOINT: Checkpoint = {
  origin: 'weerbaar.test/audit',
  treeSize: 1234,
  rootHash: createHash('sha256').update('root').digest('base64'),
  timestamp: '2026-11-02T10:00:00.000Z',
};
const SIGNED = createCheckpoint(CHECKPOINT, KEYS.privateKeyPem);

describe('checkpoint text', () => {
  it('has the C2SP checkpoint layout and a signed-note signature line', () => {
    const [body, signatures] = SIGNED.split('\n\n');
    expect(body).toBe(`weerbaar.test/audit\n1234\n${CHECKPOINT.rootHash}\nTimestamp: 2026-11-02T10:00:00.000Z`);
    expect(signatures).toMatch(/^\u2014 weerbaar\.test\/audit [A-Za-z0-9+/]{91}=\n$/u);
  });

  it('reads back what it writes', () => {
    expect(parseCheckpointBody(formatCheckpointBody(CHECKPOINT))).toEqual(CHECKPOINT);
    expect(readCheckpointUnverified(SIGNED)).toEqual(CHECKPOINT);
  });

  it('refuses fields it could not read back', () => {
    const bad = [
      { origin: 'has space' },
      { origin: '' },
      { treeSize: -1 },
      { treeSize: 1.5 },
      { rootHash: 'AAAA' },
      { rootHash: `${CHECKPOINT.rootHash.slice(0, -2)}!=` },
      { timestamp: '2026-11-02 10:00' },
    ];
    for (const change of bad) {
      expect(() => formatCheckpointBody({ ...CHECKPOINT, ...change }), JSON.stringify(change)).toThrow();
    }
  });

  it('rejects bodies that are not exactly in the written form', () => {
    const body = formatCheckpointBody(CHECKPOINT);
    for (const variant of [body.replace('1234', '01234'), `${body}extra\n`, body.trimEnd()]) {
      expect(() => parseCheckpointBody(variant)).toThrow(SyntaxError);
    }
  });
});

describe('verifyCheckpoint', () => {
  it('accepts a checkpoint signed by the trusted key', () => {
    expect(verifyCheckpoint(SIGNED, KEYS.publicKeyPem)).toEqual({
      isValid: true,
      checkpoint: CHECKPOINT,
    });
    expect(verifyCheckpoint(SIGNED, KEYS.publicKeyPem, { origin: CHECKPOINT.origin }).isValid).toBe(true);
  });

  it('rejects a checkpoint signed by another key', () => {
    const forged = createCheckpoint(CHECKPOINT, OTHER_KEYS.privateKeyPem);
    expect(verifyCheckpoint(forged, KEYS.publicKeyPem).isValid).toBe(false);
  });

  it('rejects a checkpoint for another log', () => {
    expect(verifyCheckpoint(SIGNED, KEYS.publicKeyPem, { origin: 'elsewhere' }).isValid).toBe(false);
  });

  it('rejects any change to the signed text', () => {
    fc.assert(
      fc.property(fc.nat(SIGNED.length - 1), fc.integer({ min: 1, max: 127 }), (position, delta) => {
        const code = SIGNED.charCodeAt(position);
        const changed = String.fromCharCode(code === 0x2014 ? 0x2013 : (code + delta) % 128);
        const tampered = SIGNED.slice(0, position) + changed + SIGNED.slice(position + 1);
        fc.pre(tampered !== SIGNED);
        expect(verifyCheckpoint(tampered, KEYS.publicKeyPem).isValid).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects a signature moved onto another checkpoint body', () => {
    const signatureLine = SIGNED.slice(SIGNED.indexOf('\n\n') + 2);
    const grown = formatCheckpointBody({ ...CHECKPOINT, treeSize: 1235 });
    expect(verifyCheckpoint(`${grown}\n${signatureLine}`, KEYS.publicKeyPem).isValid).toBe(false);
  });

  it('ignores signatures by other keys but needs one by the trusted key', () => {
    const cosigned = `${SIGNED}${createCheckpoint(CHECKPOINT, OTHER_KEYS.privateKeyPem, 'witness.test').split('\n\n')[1]}`;
    expect(verifyCheckpoint(cosigned, KEYS.publicKeyPem).isValid).toBe(true);
    expect(verifyCheckpoint(cosigned, OTHER_KEYS.publicKeyPem, { keyName: 'witness.test' }).isValid).toBe(true);
    expect(verifyCheckpoint(cosigned, OTHER_KEYS.publicKeyPem).isValid).toBe(false);
  });

  it('rejects an unsigned note and a key that is not Ed25519', () => {
    const body = formatCheckpointBody(CHECKPOINT);
    expect(verifyCheckpoint(`${body}\n`, KEYS.publicKeyPem).isValid).toBe(false);
    expect(verifyCheckpoint(body, KEYS.publicKeyPem).isValid).toBe(false);
    expect(verifyCheckpoint(SIGNED, 'not a key').isValid).toBe(false);
  });
});
