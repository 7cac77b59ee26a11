import type { AppContext } from '../context.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './retention.repository.js';
import type { ExpiredRecord, RetentionRule } from './retention-rule.js';
import { screeningsRule, supportRequestsRule } from './retention-cases.rules.js';
import { poisRule } from './retention-pois.rules.js';
import { accessReasonsRule, grantsRule, notificationsRule, tasksRule } from './retention-housekeeping.rules.js';

export const retentionJobKind = 'retention.run';

/** The rule behind a deletion, named in its tombstone so a DPO can see why the record went. */
export const closedIncidentRule = 'incidents.closed';

/** Closed incidents, RETENTION_INCIDENTS_DAYS after their last change, with forms, timeline, attachments, person links and grants. */
const incidentsRule: RetentionRule = {
  name: closedIncidentRule,
  objectType: 'incident',
  days: (config) => config.retentionIncidentsDays,
  findExpired: repo.findExpiredClosedIncidents,
  deleteRecord: (db, record) => repo.deleteIncidentWithChildren(db, record.id),
};

/**
 * Every record class under retention, in the order they run: incidents before persons of
 * interest (deleting an incident unlinks its persons), records before the grants on them.
 */
export const retentionRules: readonly RetentionRule[] = [
  incidentsRule,
  screeningsRule,
  supportRequestsRule,
  poisRule,
  accessReasonsRule,
  notificationsRule,
  tasksRule,
  grantsRule,
];

export type RetentionSummary = {
  rule: string;
  objectType: string;
  retentionDays: number;
  /** Records last changed before this instant were expired. */
  cutoff: string;
  deleted: number;
};

export type RetentionRunSummary = { deleted: number; rules: RetentionSummary[] };

const dayMs = 86_400_000;
const batchSize = 100;

/**
 * Deletes records past their retention period, class by class (see `retentionRules`). Open
 * work is never deleted. Each record goes in its own transaction, after its eligibility is
 * checked again, together with a tombstone audit event that names the record, the rule and
 * counts but holds no personal data; audit events themselves are never deleted, so the audit
 * log keeps verifying. Runs as system work, so it sees every organisation's records.
 */
export async function runRetention(ctx: AppContext): Promise<RetentionRunSummary> {
  const rules: RetentionSummary[] = [];
  for (const rule of retentionRules) rules.push(await runRule(ctx, rule));
  return { deleted: rules.reduce((sum, r) => sum + r.deleted, 0), rules };
}

/** Applies one rule until nothing expired is left. */
export async function runRule(ctx: AppContext, rule: RetentionRule): Promise<RetentionSummary> {
  const retentionDays = rule.days(ctx.config);
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * dayMs).toISOString();
  let deleted = 0;
  for (;;) {
    const expired = await rule.findExpired(ctx.db, cutoff, { limit: batchSize });
    let deletedInBatch = 0;
    for (const record of expired) {
      if (await deleteExpired(ctx, rule, record, cutoff, retentionDays)) deletedInBatch += 1;
    }
    deleted += deletedInBatch;
    // A batch in which nothing could be deleted would come back identical: stop instead of spinning.
    if (expired.length < batchSize || deletedInBatch === 0) break;
  }
  ctx.logger.info({ rule: rule.name, retentionDays, cutoff, deleted }, 'retention rule applied');
  return { rule: rule.name, objectType: rule.objectType, retentionDays, cutoff, deleted };
}

async function deleteExpired(
  ctx: AppContext,
  rule: RetentionRule,
  record: ExpiredRecord,
  cutoff: string,
  retentionDays: number,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    // Reopened or changed since it was listed: no longer expired.
    if ((await rule.findExpired(trx, cutoff, { id: record.id })).length === 0) return false;
    const counts = await rule.deleteRecord(trx, record);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'retention.delete',
      result: 'success',
      actorUserId: null,
      organisationId: record.organisation_id,
      objectType: rule.objectType,
      objectId: record.id,
      details: { rule: rule.name, retentionDays, lastChangeBefore: cutoff, deleted: counts },
    });
    return true;
  });
}
