import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent, buildAuditLog, checkpointFor, storeEvent } from './audit-log.factory.js';
import { generateCheckpointKeyPair, readCheckpointUnverified } from './checkpoint.js';
import { leafHashOfEvent } from './canonical.js';
import { fromHex, toBase64, toHex } from './encoding.js';
import { proveConsistency, proveInclusion, verifyCheckpointConsistency, verifyInclusionBundle } from './log-proofs.js';
import type { StoredAuditEvent } from './log-scan.js';

const KEYS = generateCheckpointKeyPair();
const LOG = buildAuditLog(150);
const CHECKPOINT = checkpointFor(LOG, KEYS);

async function* stream(events: readonly StoredAuditEvent[]): AsyncGenerator<StoredAuditEvent> {
  for (const event of events) yield await Promise.resolve(event);
}

describe('inclusion proofs for third parties', () => {
  it('proves any event against the checkpoint, checkable with the public key alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 150 }), async (sequence) => {
        const bundle = await proveInclusion(stream(LOG), sequence, CHECKPOINT);
        expect(bundle.leafIndex).toBe(sequence - 1);
        // A round trip through JSON, as the bundle would travel to an auditor.
        const received = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
        expect(verifyInclusionBundle(received, KEYS.publicKeyPem)).toEqual({ isValid: true });
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a bundle whose event, position or path was changed', async () => {
    const bundle = await proveInclusion(LOG, 42, CHECKPOINT);
    const edited = { ...bundle, event: { ...bundle.event, actor: 'someone-else' } };
    const rehashed = { ...edited, leafHash: toHex(leafHashOfEvent(edited.event)) };
    const moved = { ...bundle, leafIndex: 40 };
    const badPath = { ...bundle, auditPath: [...bundle.auditPath].reverse() };
    for (const forged of [edited, rehashed, moved, badPath]) {
      expect(verifyInclusionBundle(forged, KEYS.publicKeyPem).isValid).toBe(false);
    }
  });

  it('rejects a bundle checked with another key or for another log', async () => {
    const bundle = await proveInclusion(LOG, 7, CHECKPOINT);
    expect(verifyInclusionBundle(bundle, generateCheckpointKeyPair().publicKeyPem).isValid).toBe(false);
    expect(verifyInclusionBundle(bundle, KEYS.publicKeyPem, { origin: 'other' }).isValid).toBe(false);
  });

  it('refuses to prove against a checkpoint the log does not match', async () => {
    const log = [...LOG];
    log[3] = storeEvent(4, buildAuditEvent(3, { actor: 'rewritten' }));
    await expect(proveInclusion(log, 10, CHECKPOINT)).rejects.toThrow(/does not match/);
    await expect(proveInclusion(LOG.slice(0, 100), 10, CHECKPOINT)).rejects.toThrow(/only 100/);
    await expect(proveInclusion(LOG, 151, CHECKPOINT)).rejects.toThrow(RangeError);
  });

  it('proves against an older checkpoint without reading the rest of the log', async () => {
    const older = checkpointFor(LOG, KEYS, 20);
    let read = 0;
    function* counting(): Generator<StoredAuditEvent> {
      for (const event of LOG) {
        read += 1;
        yield event;
      }
    }
    const bundle = await proveInclusion(counting(), 5, older);
    expect(verifyInclusionBundle(bundle, KEYS.publicKeyPem).isValid).toBe(true);
    expect(read).toBe(20);
  });
});

describe('consistency proofs between checkpoints', () => {
  it('shows a later checkpoint extends an earlier one', async () => {
    for (const [m, n] of [
      [1, 150],
      [64, 150],
      [77, 150],
      [77, 100],
      [150, 150],
      [0, 3],
    ] as const) {
      const proof = await proveConsistency(stream(LOG), m, n);
      const old = readCheckpointUnverified(checkpointFor(LOG, KEYS, m));
      expect(toBase64(fromHex(proof.oldRootHash))).toBe(old.rootHash);
      const result = verifyCheckpointConsistency(
        checkpointFor(LOG, KEYS, m),
        checkpointFor(LOG, KEYS, n),
        proof.proof,
        KEYS.publicKeyPem,
      );
      expect(result, `${m}->${n}`).toEqual({ isValid: true });
    }
  });

  it('fails for a history rewritten and re-signed after the earlier checkpoint', async () => {
    const earlier = checkpointFor(LOG, KEYS, 60);
    const rewritten = [...LOG];
    rewritten[30] = storeEvent(31, buildAuditEvent(30, { actor: 'innocent' }));
    const later = checkpointFor(rewritten, KEYS);
    const proof = await proveConsistency(rewritten, 60, 150);
    expect(verifyCheckpointConsistency(earlier, later, proof.proof, KEYS.publicKeyPem).isValid).toBe(false);
  });

  it('fails for checkpoints of different logs or signers', async () => {
    const proof = await proveConsistency(LOG, 60, 150);
    const earlier = checkpointFor(LOG, KEYS, 60);
    const foreign = checkpointFor(LOG, generateCheckpointKeyPair());
    expect(verifyCheckpointConsistency(earlier, foreign, proof.proof, KEYS.publicKeyPem).isValid).toBe(false);
    expect(verifyCheckpointConsistency(earlier, CHECKPOINT, ['zz'], KEYS.publicKeyPem).isValid).toBe(false);
  });
});
