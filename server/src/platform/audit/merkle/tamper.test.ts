// At least a thousand random tamperings of a signed audit log, each of which verifyLog must
// catch. Half of them are the careful kind: the attacker also recomputes stored leaf hashes
// and renumbers sequences, so only the signed checkpoint can give them away.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent, buildAuditLog, checkpointFor, storeEvent } from './audit-log.factory.js';
import type { AuditEvent } from './canonical.js';
import { generateCheckpointKeyPair } from './checkpoint.js';
import type { LogProblemKind, StoredAuditEvent } from './log-scan.js';
import { verifyLog } from './verify-log.js';

const SIZE = 300;
const KEYS = generateCheckpointKeyPair();
const LOG = buildAuditLog(SIZE);
const CHECKPOINT = checkpointFor(LOG, KEYS);
const FIELDS = [
  'action',
  'object',
  'result',
  'origin',
  'actor',
  'organisation',
  'timestamp',
  'purpose',
  'requestId',
] as const;

type Tampering =
  | {
      kind: 'edit';
      index: number;
      field: (typeof FIELDS)[number];
      suffix: string;
      isCareful: boolean;
    }
  | { kind: 'delete'; indexes: number[]; isCareful: boolean }
  | { kind: 'swap'; a: number; b: number; isCareful: boolean }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'truncate'; keep: number }
  | { kind: 'insert'; index: number; isCareful: boolean };

// Positions inside the checkpointed range; adding after it is the log legitimately growing.
const index = fc.nat(SIZE - 1);
const tampering: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    index,
    field: fc.constantFrom(...FIELDS),
    suffix: fc.string(),
    isCareful: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    indexes: fc.uniqueArray(index, { minLength: 1, maxLength: 5 }),
    isCareful: fc.boolean(),
  }),
  fc
    .record({ kind: fc.constant('swap' as const), a: index, b: index, isCareful: fc.boolean() })
    .filter((t) => t.a !== t.b),
  fc.record({ kind: fc.constant('move' as const), from: index, to: index }).filter((t) => t.from !== t.to),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat(SIZE - 1) }),
  fc.record({ kind: fc.constant('insert' as const), index, isCareful: fc.boolean() }),
);

/** Gives events consecutive numbers from 1 again, as a careful attacker would. */
const renumber = (log: readonly StoredAuditEvent[]): StoredAuditEvent[] =>
  log.map((stored, i) => ({ ...stored, sequence: i + 1 }));

const eventAt = (i: number): AuditEvent => (LOG[i] as StoredAuditEvent).event as AuditEvent;

function editEvent(t: Extract<Tampering, { kind: 'edit' }>): StoredAuditEvent[] {
  const log = [...LOG];
  const original = LOG[t.index] as StoredAuditEvent;
  // The marker guarantees the value really changes (null fields become strings).
  const edited = {
    ...eventAt(t.index),
    [t.field]: `${String(eventAt(t.index)[t.field])}~${t.suffix}`,
  };
  log[t.index] = t.isCareful ? storeEvent(original.sequence, edited) : { ...original, event: edited };
  return log;
}

function swapEvents(t: Extract<Tampering, { kind: 'swap' }>): StoredAuditEvent[] {
  const log = [...LOG];
  log[t.a] = LOG[t.b] as StoredAuditEvent;
  log[t.b] = LOG[t.a] as StoredAuditEvent;
  return t.isCareful ? renumber(log) : log;
}

function apply(t: Tampering): StoredAuditEvent[] {
  switch (t.kind) {
    case 'edit':
      return editEvent(t);
    case 'delete': {
      const log = LOG.filter((_, i) => !t.indexes.includes(i));
      return t.isCareful ? renumber(log) : log;
    }
    case 'swap':
      return swapEvents(t);
    case 'move': {
      const log = LOG.filter((_, i) => i !== t.from);
      log.splice(t.to, 0, LOG[t.from] as StoredAuditEvent);
      return renumber(log);
    }
    case 'truncate':
      return LOG.slice(0, t.keep);
    case 'insert': {
      const log = [...LOG];
      log.splice(t.index, 0, storeEvent(t.index + 1, buildAuditEvent(10_000 + t.index)));
      return t.isCareful ? renumber(log) : log;
    }
  }
}

/** The problems each kind of tampering must at least produce. */
function expectedKinds(t: Tampering): LogProblemKind[] {
  switch (t.kind) {
    case 'edit':
      return t.isCareful ? ['root_mismatch'] : ['leaf_hash_mismatch', 'root_mismatch'];
    case 'delete': {
      // A careless deletion leaves a gap, unless only the last events went.
      const leavesGap = !t.isCareful && t.indexes.some((i) => !t.indexes.includes(i + 1) && i < SIZE - 1);
      return leavesGap ? ['sequence_gap', 'truncated'] : ['truncated'];
    }
    case 'swap':
      return t.isCareful ? ['root_mismatch'] : ['sequence_out_of_order', 'root_mismatch'];
    case 'move':
      return ['root_mismatch'];
    case 'truncate':
      return ['truncated'];
    case 'insert':
      return t.isCareful ? ['root_mismatch'] : ['sequence_out_of_order', 'root_mismatch'];
  }
}

describe('tampering with a signed audit log', () => {
  it('is detected every time, 1,200 random tamperings', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(tampering, async (t) => {
        const result = await verifyLog({
          events: apply(t),
          checkpoint: CHECKPOINT,
          publicKey: KEYS.publicKeyPem,
        });
        const kinds = new Set(result.problems.map((problem) => problem.kind));
        expect(result.isValid).toBe(false);
        for (const kind of expectedKinds(t)) {
          expect(kinds.has(kind), `${t.kind} should give ${kind}: ${[...kinds].join(', ')}`).toBe(true);
        }
        // The signed checkpoint alone always catches it, however careful the attacker was.
        expect(kinds.has('root_mismatch') || kinds.has('truncated')).toBe(true);
        checked += 1;
      }),
      { numRuns: 1200 },
    );
    expect(checked).toBeGreaterThanOrEqual(1000);
  }, 60_000);
});
