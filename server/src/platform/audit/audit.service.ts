import { CompiledQuery, sql, type Transaction } from 'kysely';
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

/** One event to append, with the clock that dates it. */
export type PendingAuditEvent = { clock: Clock; input: AuditInput };

/** Appends one audit event in the caller's transaction (or a new one), keeping `seq` gap-free. */
export async function recordAudit(db: Executor, dialect: Dialect, clock: Clock, input: AuditInput): Promise<void> {
  await recordAudits(db, dialect, [{ clock, input }]);
}

/**
 * Appends events in the given order with consecutive `seq` numbers, in the caller's transaction
 * (or a new one): one sequence read and one multi-row insert for the lot.
 */
export async function recordAudits(
  db: Executor,
  dialect: Dialect,
  events: readonly PendingAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  if (db.isTransaction) {
    await appendEvents(db as Transaction<Database>, dialect, events);
    return;
  }
  await (db as Db).transaction().execute((trx) => appendEvents(trx, dialect, events));
}

// Hand-written rather than built per call: these run for every audited request.
const maxSeqQuery = CompiledQuery.raw('select max(seq) as max from audit_events');
const COLUMNS = [
  'seq',
  'at',
  'request_id',
  'actor_user_id',
  'organisation_id',
  'record_owner_id',
  'action',
  'object_type',
  'object_id',
  'result',
  'ip',
  'user_agent',
  'purpose',
  'details',
  'leaf_hash',
] as const;
type AuditRow = Record<(typeof COLUMNS)[number], string | number | null>;
const insertSql = new Map<string, string>();

/** `insert into audit_events (...) values (...), (...)` for `count` rows, in the dialect's placeholders. */
function insertStatement(dialect: Dialect, count: number): string {
  const key = `${dialect}:${count}`;
  const known = insertSql.get(key);
  if (known) return known;
  let n = 0;
  const placeholder = dialect === 'postgres' ? () => `$${++n}` : () => '?';
  const tuples = Array.from({ length: count }, () => `(${COLUMNS.map(placeholder).join(', ')})`);
  const text = `insert into audit_events (${COLUMNS.join(', ')}) values ${tuples.join(', ')}`;
  insertSql.set(key, text);
  return text;
}

function rowOf(seq: number, { clock, input }: PendingAuditEvent): AuditRow {
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
  return { ...row, leaf_hash: toHex(leafHashOfEvent(eventOfRow(row))) };
}

async function appendEvents(
  trx: Transaction<Database>,
  dialect: Dialect,
  events: readonly PendingAuditEvent[],
): Promise<void> {
  // The sequence must have no gaps for the Merkle log; on PostgreSQL concurrent writers are
  // serialised by a transaction-scoped advisory lock, SQLite has a single writer anyway.
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7301)`.execute(trx);
  const last = await trx.executeQuery<{ max: number | string | null }>(maxSeqQuery);
  const first = Number(last.rows[0]?.max ?? 0) + 1;
  const rows = events.map((event, i) => rowOf(first + i, event));
  const parameters = rows.flatMap((row) => COLUMNS.map((column) => row[column]));
  await trx.executeQuery(CompiledQuery.raw(insertStatement(dialect, rows.length), parameters));
}
