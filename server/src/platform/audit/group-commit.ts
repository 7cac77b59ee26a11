/**
 * Group commit for request writes that end in an audit event. Each request's work (an optional
 * write of its own and its event) keeps its own gap-free `seq`, time, request id and leaf hash,
 * exactly as `recordAudit` writes it; only the work of requests that arrive while an earlier
 * batch is still being committed shares one transaction, with all its events in one multi-row
 * insert (one fsync on SQLite, one advisory-lock round on PostgreSQL). A request waits until its
 * own work is committed before it answers, so nothing is served unaudited, and a request's write
 * and its event are always committed together. When a shared transaction fails, each piece of
 * work is retried alone, so one bad request cannot fail the others.
 */
import type { Transaction } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../clock.js';
import { currentTenant, runAsTenant } from '../tenant-context.js';
import { recordAudits, type AuditInput } from './audit.service.js';

/** A request's own write, run inside the (possibly shared) transaction before the events. */
export type GroupedWrite = (trx: Transaction<Database>) => Promise<void>;

type Pending = {
  input: AuditInput;
  clock: Clock;
  write: GroupedWrite | null;
  tenant: string;
  resolve: () => void;
  reject: (e: unknown) => void;
};
type Writer = { dialect: Dialect; queue: Pending[]; draining: boolean; stats: GroupCommitStats };
/** Events written and transactions used for them (events / commits is the batch size reached). */
export type GroupCommitStats = { events: number; commits: number };

/** Most requests in one transaction. */
const MAX_BATCH = 64;
// Per database handle, so several apps in one process (tests) never mix their events.
const writers = new WeakMap<Db, Writer>();

function writerOf(db: Db, dialect: Dialect): Writer {
  const known = writers.get(db);
  if (known) return known;
  const writer: Writer = { dialect, queue: [], draining: false, stats: { events: 0, commits: 0 } };
  writers.set(db, writer);
  return writer;
}

/**
 * Commits `write` (when given) and the audit event `input`, dated now, together; resolves once
 * they are committed. Runs for the current tenant, as the request's own transaction would.
 */
export function commitWithAudit(
  ctx: { db: Db; dialect: Dialect; clock: Clock },
  input: AuditInput,
  write: GroupedWrite | null = null,
): Promise<void> {
  const writer = writerOf(ctx.db, ctx.dialect);
  const at = ctx.clock.now();
  const clock: Clock = { now: () => at };
  const pending = new Promise<void>((resolve, reject) =>
    writer.queue.push({ input, clock, write, tenant: currentTenant(), resolve, reject }),
  );
  if (!writer.draining) {
    writer.draining = true;
    // Let the other requests already read from their sockets add their work first.
    setImmediate(() => void drain(ctx.db, writer));
  }
  return pending;
}

async function drain(db: Db, writer: Writer): Promise<void> {
  try {
    while (writer.queue.length > 0) await writeBatch(db, writer, writer.queue.splice(0, MAX_BATCH));
  } finally {
    writer.draining = false;
  }
}

const commit = (db: Db, dialect: Dialect, work: readonly Pending[]): Promise<void> =>
  db.transaction().execute(async (trx) => {
    for (const w of work) if (w.write) await w.write(trx);
    await recordAudits(trx, dialect, work);
  });

async function writeBatch(db: Db, writer: Writer, batch: Pending[]): Promise<void> {
  const { dialect, stats } = writer;
  const byTenant = new Map<string, Pending[]>();
  for (const p of batch) {
    const group = byTenant.get(p.tenant);
    if (group) group.push(p);
    else byTenant.set(p.tenant, [p]);
  }
  for (const [tenant, work] of byTenant) {
    try {
      await runAsTenant(tenant, () => commit(db, dialect, work));
      stats.events += work.length;
      stats.commits += 1;
      for (const w of work) w.resolve();
    } catch (error) {
      if (work.length === 1) {
        work[0]?.reject(error);
        continue;
      }
      for (const w of work) {
        await runAsTenant(tenant, () => commit(db, dialect, [w])).then(() => {
          stats.events += 1;
          stats.commits += 1;
          w.resolve();
        }, w.reject);
      }
    }
  }
}

/** How events were group-committed on this database handle (for tests and the benchmark). */
export function groupCommitStats(db: Db): GroupCommitStats {
  const stats = writers.get(db)?.stats;
  return stats ? { ...stats } : { events: 0, commits: 0 };
}
