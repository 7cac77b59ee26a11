// Test vocabulary: a generated, internally consistent audit log and its signed checkpoint.
// Kept free of test-runner imports so it compiles with the rest of the source.

import { leafHashOfEvent, type AuditEvent } from './canonical.js';
import { createCheckpoint, type CheckpointKeyPair } from './checkpoint.js';
import { toBase64, toHex } from './encoding.js';
import { MerkleAccumulator } from './merkle-accumulator.js';
import type { StoredAuditEvent } from './log-scan.js';

export const TEST_ORIGIN = 'weerbaar.test/audit';

const ACTIONS = ['incident.view', 'incident.update', 'officeholder.search', 'report.export'];

/** One plausible audit event; `n` makes it unique. */
export function buildAuditEvent(n: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    action: ACTIONS[n % ACTIONS.length] ?? 'incident.view',
    object: `incident:${1000 + n}`,
    result: n % 7 === 0 ? 'denied' : 'success',
    origin: `10.0.${n % 256}.1`,
    actor: `user-${n % 13}`,
    organisation: n % 2 === 0 ? 'gemeente-utrecht' : 'gemeente-zwolle',
    timestamp: new Date(Date.UTC(2026, 10, 1, 9) + n * 1000).toISOString(),
    purpose: n % 3 === 0 ? null : 'casus-behandeling',
    requestId: `req-${n.toString(16).padStart(6, '0')}`,
    ...overrides,
  };
}

/** Stores an event the way the app does: with its sequence number and leaf hash. */
export function storeEvent(sequence: number, event: AuditEvent): StoredAuditEvent {
  return { sequence, leafHash: toHex(leafHashOfEvent(event)), event };
}

/** A log of `size` events numbered from `firstSequence` (default 1). */
export function buildAuditLog(size: number, firstSequence = 1): StoredAuditEvent[] {
  return Array.from({ length: size }, (_, i) => storeEvent(firstSequence + i, buildAuditEvent(i)));
}

/** Signs a checkpoint over the first `treeSize` events of a log. */
export function checkpointFor(
  log: readonly StoredAuditEvent[],
  keys: CheckpointKeyPair,
  treeSize = log.length,
): string {
  const accumulator = new MerkleAccumulator();
  for (const stored of log.slice(0, treeSize)) accumulator.append(leafHashOfEvent(stored.event));
  const checkpoint = {
    origin: TEST_ORIGIN,
    treeSize,
    rootHash: toBase64(accumulator.root()),
    timestamp: new Date(Date.UTC(2026, 10, 2)).toISOString(),
  };
  return createCheckpoint(checkpoint, keys.privateKeyPem);
}
