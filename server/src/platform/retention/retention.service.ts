import type { AppContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './retention.repository.js';

export const retentionJobKind = 'retention.run';

/** The rule behind a deletion, named in its tombstone so a DPO can see why the record went. */
export const closedIncidentRule = 'incidents.closed';

export type RetentionSummary = {
  rule: string;
  retentionDays: number;
  /** Records last changed before this instant were expired. */
  cutoff: string;
  deleted: number;
};

const dayMs = 86_400_000;
const batchSize = 100;

/**
 * Deletes records past their retention period: closed incidents (with forms, timeline,
 * attachments, person links and grants) whose last change is older than RETENTION_INCIDENTS_DAYS.
 * Open incidents are never deleted. Each record goes in its own transaction together with a
 * tombstone audit event that names the record and the rule but holds no personal data; audit
 * events themselves are never deleted, so the audit log keeps verifying.
 */
export async function runRetention(ctx: AppContext): Promise<RetentionSummary> {
  const retentionDays = ctx.config.retentionIncidentsDays;
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * dayMs).toISOString();
  let deleted = 0;
  for (;;) {
    const expired = await repo.findExpiredClosedIncidents(ctx.db, cutoff, batchSize);
    let deletedInBatch = 0;
    for (const incident of expired) {
      if (await deleteExpiredIncident(ctx, incident, cutoff, retentionDays)) deletedInBatch += 1;
    }
    deleted += deletedInBatch;
    // A batch in which nothing could be deleted would come back identical: stop instead of spinning.
    if (expired.length < batchSize || deletedInBatch === 0) break;
  }
  ctx.logger.info({ rule: closedIncidentRule, retentionDays, cutoff, deleted }, 'retention run finished');
  return { rule: closedIncidentRule, retentionDays, cutoff, deleted };
}

async function deleteExpiredIncident(
  ctx: AppContext,
  incident: repo.ExpiredIncident,
  cutoff: string,
  retentionDays: number,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    // Reopened or changed since it was listed: no longer expired.
    if (!(await repo.isStillExpired(trx, incident.id, cutoff))) return false;
    const counts = await repo.deleteIncidentWithChildren(trx, incident.id);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'retention.delete',
      result: 'success',
      actorUserId: null,
      organisationId: incident.organisation_id,
      objectType: 'incident',
      objectId: incident.id,
      details: { rule: closedIncidentRule, retentionDays, lastChangeBefore: cutoff, deleted: counts },
    });
    return true;
  });
}
