import { sql, type Transaction } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { leafHashOfEvent } from './merkle/canonical.js';
import { toHex } from './merkle/encoding.js';
import { eventOfRow } from './audit-log.service.js';

export type AuditInput = {
  action: string;
  result: 'success' | 'denied' | 'failure';
  actorUserId: string | null;
  organisationId: string | null;
  /** Set when the record belongs to another organisation than the actor's (shared access). */
  recordOwnerId?: string;
  objectType?: string;
  objectId?: string;
  purpose?: string;
  /** Names and counts only; never a sensitive value. */
  details?: Record<string, unknown>;
  origin?: { ip: string; userAgent: string; requestId: string };
};

type Executor = Db | Transaction<Database>;

/** Appends one audit event in the caller's transaction (or a new one), keeping `seq` gap-free. */
export async function recordAudit(db: Executor, dialect: Dialect, clock: Clock, input: AuditInput): Promise<void> {
  if (db.isTransaction) {
    await appendEvent(db as Transaction<Database>, dialect, clock, input);
    return;
  }
  await (db as Db).transaction().execute((trx) => appendEvent(trx, dialect, clock, input));
}

async function appendEvent(
  trx: Transaction<Database>,
  dialect: Dialect,
  clock: Clock,
  input: AuditInput,
): Promise<void> {
  // The sequence must have no gaps for the Merkle log; on PostgreSQL concurrent writers are
  // serialised by a transaction-scoped advisory lock, SQLite has a single writer anyway.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('max'))
    .executeTakeFirst();
  const seq = Number(last?.max ?? 0) + 1;
  const row = {
    seq,
    at: clock.now().toISOString(),
    request_id: input.origin?.requestId ?? null,
    actor_user_id: input.actorUserId,
    organisation_id: input.organisationId,
    record_owner_id: input.recordOwnerId && input.recordOwnerId !== input.organisationId ? input.recordOwnerId : null,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId ?? null,
    result: input.result,
    ip: input.origin?.ip ?? null,
    user_agent: input.origin?.userAgent ?? null,
    purpose: input.purpose ?? null,
    details: JSON.stringify(input.details ?? {}),
  };
  await trx
    .insertInto('audit_events')
    .values({ ...row, leaf_hash: toHex(leafHashOfEvent(eventOfRow(row))) })
    .execute();
}
