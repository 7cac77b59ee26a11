/**
 * The audit events of the yente API, written with group commit. Each event is its own row with
 * its own gap-free `seq`, time, request id and leaf hash, exactly as `recordAudit` writes it; only
 * the events of requests that arrive while an earlier write is still being committed share one
 * transaction (and one fsync on SQLite, one advisory-lock round on PostgreSQL). A request waits
 * until its own event is committed before it answers, so no read is served unaudited. When a
 * shared write fails, each of its events is written alone, so one bad event cannot fail others.
 */
import type { Db, Dialect } from '../../../db/database.js';
import { recordAudit, type AuditInput } from '../../../platform/audit/audit.service.js';
import type { Clock } from '../../../platform/clock.js';
import type { RequestContext } from '../../../platform/context.js';
import { currentTenant, runAsTenant } from '../../../platform/tenant-context.js';

type Pending = { input: AuditInput; clock: Clock; tenant: string; resolve: () => void; reject: (e: unknown) => void };
type Writer = { dialect: Dialect; queue: Pending[]; draining: boolean; stats: AuditWriteStats };
/** Events written and transactions used for them (events / commits is the batch size reached). */
export type AuditWriteStats = { events: number; commits: number };

/** Most events in one transaction. */
const MAX_BATCH = 64;
// Per database handle, so several apps in one process (tests) never mix their events.
const writers = new WeakMap<Db, Writer>();

function writerOf(ctx: RequestContext): Writer {
  const known = writers.get(ctx.db);
  if (known) return known;
  const writer: Writer = { dialect: ctx.dialect, queue: [], draining: false, stats: { events: 0, commits: 0 } };
  writers.set(ctx.db, writer);
  return writer;
}

/** Records an event for this request and resolves once it is committed. */
export function recordRequestAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  const writer = writerOf(ctx);
  const at = ctx.clock.now();
  const clock: Clock = { now: () => at };
  const pending = new Promise<void>((resolve, reject) =>
    writer.queue.push({ input, clock, tenant: currentTenant(), resolve, reject }),
  );
  if (!writer.draining) {
    writer.draining = true;
    // Let the other requests already read from their sockets add their events first.
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

async function writeBatch(db: Db, writer: Writer, batch: Pending[]): Promise<void> {
  const { dialect, stats } = writer;
  // The work runs for its requests' tenant, as each request's own write would.
  const byTenant = new Map<string, Pending[]>();
  for (const p of batch) {
    const group = byTenant.get(p.tenant);
    if (group) group.push(p);
    else byTenant.set(p.tenant, [p]);
  }
  for (const [tenant, events] of byTenant) {
    try {
      await runAsTenant(tenant, () =>
        db.transaction().execute(async (trx) => {
          for (const e of events) await recordAudit(trx, dialect, e.clock, e.input);
        }),
      );
      stats.events += events.length;
      stats.commits += 1;
      for (const e of events) e.resolve();
    } catch {
      for (const e of events) {
        await runAsTenant(tenant, () => recordAudit(db, dialect, e.clock, e.input)).then(() => {
          stats.events += 1;
          stats.commits += 1;
          e.resolve();
        }, e.reject);
      }
    }
  }
}

/** How the yente API's audit events were committed on this database handle (for tests and the benchmark). */
export function auditWriteStats(db: Db): AuditWriteStats {
  const stats = writers.get(db)?.stats;
  return stats ? { ...stats } : { events: 0, commits: 0 };
}
