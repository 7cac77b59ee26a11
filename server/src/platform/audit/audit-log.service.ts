import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AppContext } from '../context.js';
import type { AuditEventsTable } from './audit.table.js';
import type { JsonObject } from './merkle/canonical.js';
import { createCheckpoint, generateCheckpointKeyPair } from './merkle/checkpoint.js';
import { fromHex, toBase64 } from './merkle/encoding.js';
import type { StoredAuditEvent } from './merkle/log-scan.js';
import { proveInclusion, type InclusionProofBundle } from './merkle/log-proofs.js';
import { verifyLog, type LogVerification } from './merkle/verify-log.js';

export const auditLogOrigin = 'weerbaar-audit';
const batchSize = 2000;

type AuditRow = Selectable<AuditEventsTable>;

/** The hashed form of a stored row: every column except the hash itself, as stored. */
export function eventOfRow(row: Omit<AuditRow, 'leaf_hash'>): JsonObject {
  return {
    seq: Number(row.seq),
    at: row.at,
    request_id: row.request_id,
    actor_user_id: row.actor_user_id,
    organisation_id: row.organisation_id,
    action: row.action,
    object_type: row.object_type,
    object_id: row.object_id,
    result: row.result,
    ip: row.ip,
    user_agent: row.user_agent,
    purpose: row.purpose,
    details: row.details,
    // Added later: hashed only when present, so events written before it keep their hash.
    ...(row.record_owner_id ? { record_owner_id: row.record_owner_id } : {}),
  };
}

/** Streams the audit log in stored order (keyset pages), so a million rows never sit in memory. */
export async function* storedAuditEvents(db: Db): AsyncGenerator<StoredAuditEvent> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      yield { sequence: Number(row.seq), leafHash: row.leaf_hash, event: eventOfRow(row) };
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = Number(last.seq);
  }
}

/** Recomputes the whole log and, if it is intact, signs a checkpoint of its size and root. */
export async function signAuditCheckpoint(ctx: AppContext, privateKeyPem: string): Promise<string> {
  const check = await verifyLog({ events: storedAuditEvents(ctx.db) });
  if (!check.isValid) {
    const first = check.problems[0]?.message ?? 'unknown problem';
    throw new Error(`the audit log is not intact (${check.problemCount} problems, first: ${first}); refusing to sign`);
  }
  const checkpoint = {
    origin: auditLogOrigin,
    treeSize: check.eventCount,
    rootHash: toBase64(fromHex(check.rootHash)),
    timestamp: ctx.clock.now().toISOString(),
  };
  return createCheckpoint(checkpoint, privateKeyPem);
}

/** Verifies the stored log against a checkpoint (and the consistency with an earlier one). */
export function verifyAuditLog(
  ctx: AppContext,
  input: { checkpoint?: string; previousCheckpoint?: string; publicKeyPem?: string },
): Promise<LogVerification> {
  return verifyLog({
    events: storedAuditEvents(ctx.db),
    ...(input.checkpoint ? { checkpoint: input.checkpoint } : {}),
    ...(input.previousCheckpoint ? { previousCheckpoint: input.previousCheckpoint } : {}),
    ...(input.publicKeyPem ? { publicKey: input.publicKeyPem } : {}),
  });
}

/** A proof, checkable with only the public key, that event `seq` is in the checkpointed log. */
export function proveAuditEvent(ctx: AppContext, seq: number, checkpoint: string): Promise<InclusionProofBundle> {
  return proveInclusion(storedAuditEvents(ctx.db), seq, checkpoint);
}

export { generateCheckpointKeyPair };
