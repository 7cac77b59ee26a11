import { describe, expect, it } from 'vitest';
import { buildAuditEvent, buildAuditLog, checkpointFor, storeEvent } from './audit-log.factory.js';
import { generateCheckpointKeyPair } from './checkpoint.js';
import { toHex } from './encoding.js';
import { treeRoot } from './merkle-tree.js';
import type { LogProblemKind, StoredAuditEvent } from './log-scan.js';
import { verifyLog } from './verify-log.js';
import { leafHashOfEvent } from './canonical.js';

const KEYS = generateCheckpointKeyPair();
const LOG = buildAuditLog(300);
const CHECKPOINT = checkpointFor(LOG, KEYS);

async function problemKinds(
  events: readonly StoredAuditEvent[],
  extra: { checkpoint?: string; previousCheckpoint?: string; publicKey?: string } = {},
): Promise<LogProblemKind[]> {
  const result = await verifyLog({
    events,
    checkpoint: CHECKPOINT,
    publicKey: KEYS.publicKeyPem,
    ...extra,
  });
  return [...new Set(result.problems.map((problem) => problem.kind))].sort();
}

async function* slowly(events: readonly StoredAuditEvent[]): AsyncGenerator<StoredAuditEvent> {
  for (const event of events) yield await Promise.resolve(event);
}

describe('verifyLog on an intact log', () => {
  it('finds nothing wrong and reports the root', async () => {
    const result = await verifyLog({
      events: LOG,
      checkpoint: CHECKPOINT,
      publicKey: KEYS.publicKeyPem,
    });
    expect(result.problems).toEqual([]);
    expect(result.isValid).toBe(true);
    expect(result.eventCount).toBe(300);
    expect(result.rootHash).toBe(toHex(treeRoot(LOG.map((stored) => leafHashOfEvent(stored.event)))));
    expect(result.checkpoint?.treeSize).toBe(300);
  });

  it('reads an async stream the same way', async () => {
    const result = await verifyLog({
      events: slowly(LOG),
      checkpoint: CHECKPOINT,
      publicKey: KEYS.publicKeyPem,
    });
    expect(result.isValid).toBe(true);
  });

  it('accepts events appended after the checkpoint', async () => {
    const grown = [...LOG, storeEvent(301, buildAuditEvent(300))];
    expect(await problemKinds(grown)).toEqual([]);
  });

  it('accepts an older checkpoint consistent with the current one', async () => {
    const previousCheckpoint = checkpointFor(LOG, KEYS, 123);
    expect(await problemKinds(LOG, { previousCheckpoint })).toEqual([]);
  });

  it('checks an empty log against an empty checkpoint', async () => {
    expect(await problemKinds([], { checkpoint: checkpointFor([], KEYS) })).toEqual([]);
  });

  it('honours a log numbered from 0', async () => {
    const result = await verifyLog({ events: buildAuditLog(10, 0), firstSequence: 0 });
    expect(result.isValid).toBe(true);
  });
});

describe('verifyLog finds tampering', () => {
  it('an edited event whose stored hash was left alone', async () => {
    const log = [...LOG];
    const stored = LOG[40] as StoredAuditEvent;
    log[40] = { ...stored, event: { ...stored.event, result: 'success', actor: 'someone-else' } };
    const result = await verifyLog({
      events: log,
      checkpoint: CHECKPOINT,
      publicKey: KEYS.publicKeyPem,
    });
    expect(result.problems[0]).toMatchObject({ kind: 'leaf_hash_mismatch', sequence: 41 });
    expect(result.problems[0]?.message).toContain('changed after it was logged');
    expect(await problemKinds(log)).toEqual(['leaf_hash_mismatch', 'root_mismatch']);
  });

  it('an edited event whose stored hash was recomputed too', async () => {
    const log = [...LOG];
    log[40] = storeEvent(41, buildAuditEvent(40, { purpose: 'nieuwsgierigheid' }));
    expect(await problemKinds(log)).toEqual(['root_mismatch']);
  });

  it('a deleted event', async () => {
    const log = LOG.filter((_, i) => i !== 17);
    const result = await verifyLog({
      events: log,
      checkpoint: CHECKPOINT,
      publicKey: KEYS.publicKeyPem,
    });
    expect(result.problems[0]?.message).toBe('the log skips from 17 to 19: event 18 was deleted or moved');
    expect(await problemKinds(log)).toEqual(['sequence_gap', 'truncated']);
  });

  it('a deleted event with the rest renumbered', async () => {
    const log = LOG.filter((_, i) => i !== 17).map((stored, i) => ({ ...stored, sequence: i + 1 }));
    expect(await problemKinds(log)).toEqual(['truncated']);
  });

  it('two events swapped', async () => {
    const log = [...LOG];
    [log[5], log[6]] = [LOG[6] as StoredAuditEvent, LOG[5] as StoredAuditEvent];
    expect(await problemKinds(log)).toEqual(['root_mismatch', 'sequence_gap', 'sequence_out_of_order']);
  });

  it('two events swapped with their numbers kept in place', async () => {
    const log = [...LOG];
    log[5] = { ...(LOG[6] as StoredAuditEvent), sequence: 6 };
    log[6] = { ...(LOG[5] as StoredAuditEvent), sequence: 7 };
    expect(await problemKinds(log)).toEqual(['root_mismatch']);
  });

  it('events removed from the end', async () => {
    const result = await verifyLog({
      events: LOG.slice(0, 250),
      checkpoint: CHECKPOINT,
      publicKey: KEYS.publicKeyPem,
    });
    expect(result.problems).toEqual([
      {
        kind: 'truncated',
        message: 'the log has 250 events but the checkpoint covers 300: events were removed',
      },
    ]);
  });

  it('a rewritten history re-signed with the log key, caught by an earlier checkpoint', async () => {
    const previousCheckpoint = checkpointFor(LOG, KEYS, 100);
    const rewritten = [...LOG];
    rewritten[10] = storeEvent(11, buildAuditEvent(10, { actor: 'innocent' }));
    const resigned = checkpointFor(rewritten, KEYS);
    expect(await problemKinds(rewritten, { checkpoint: resigned, previousCheckpoint })).toEqual([
      'inconsistent_checkpoints',
      'root_mismatch',
    ]);
  });

  it('a checkpoint signed with another key', async () => {
    const forged = checkpointFor(LOG, generateCheckpointKeyPair());
    expect(await problemKinds(LOG, { checkpoint: forged })).toEqual(['bad_signature']);
  });

  it('a checkpoint nobody can vouch for without a key', async () => {
    const result = await verifyLog({ events: LOG, checkpoint: CHECKPOINT });
    expect(result.problems.map((problem) => problem.kind)).toEqual(['unsigned_checkpoint']);
  });

  it('a previous checkpoint larger than the current one', async () => {
    const previousCheckpoint = CHECKPOINT;
    const checkpoint = checkpointFor(LOG, KEYS, 200);
    expect(await problemKinds(LOG, { checkpoint, previousCheckpoint })).toEqual(['inconsistent_checkpoints']);
  });

  it('caps the problems it keeps but counts them all', async () => {
    const log = LOG.map((stored) => ({ ...stored, leafHash: '00'.repeat(32) }));
    const result = await verifyLog({ events: log, maxProblems: 10 });
    expect(result.problems).toHaveLength(10);
    expect(result.problemCount).toBe(300);
  });
});

describe('verifyLog at scale', () => {
  it('verifies 100,000 events in one linear pass', async () => {
    function* events(): Generator<StoredAuditEvent> {
      for (let i = 0; i < 100_000; i += 1) yield storeEvent(i + 1, buildAuditEvent(i));
    }
    const started = performance.now();
    const result = await verifyLog({ events: events() });
    expect(result.eventCount).toBe(100_000);
    expect(result.isValid).toBe(true);
    // Generous bound: linear work is ~1-2 s here; a quadratic pass would take hours.
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
