/**
 * The audit events of the yente API, written with group commit (platform/audit/group-commit.ts):
 * each event is its own row with its own gap-free `seq`, time, request id and leaf hash; events
 * of concurrent requests share one transaction and one multi-row insert, and each request
 * answers only after its own event is committed, so no read is served unaudited.
 */
import type { Db } from '../../../db/database.js';
import type { AuditInput } from '../../../platform/audit/audit.service.js';
import { commitWithAudit, groupCommitStats, type GroupCommitStats } from '../../../platform/audit/group-commit.js';
import type { RequestContext } from '../../../platform/context.js';

/** Events written and transactions used for them (events / commits is the batch size reached). */
export type AuditWriteStats = GroupCommitStats;

/** Records an event for this request and resolves once it is committed. */
export function recordRequestAudit(ctx: RequestContext, input: AuditInput): Promise<void> {
  return commitWithAudit(ctx, input);
}

/** How audit events were group-committed on this database handle (for tests and the benchmark). */
export function auditWriteStats(db: Db): AuditWriteStats {
  return groupCommitStats(db);
}
