import { invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/context.js';
import { createTask } from '../tasks/tasks.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { findCatalogueMeasure } from './engine/measure-catalogue.js';
import { reopenPlan, type ProposedMeasure, type ReopenOutcome } from './engine/reopen-plan.js';
import { auditPlan, executorFor, newPlanRow } from './measures.service.js';
import { contactOf, defaultAuthority, defaultResidence, parseAddress, toEnginePlan } from './plan-mapper.js';
import { issueWorkOrder } from './work-orders.service.js';
import * as repo from './measures.repository.js';

export type PlanChange = {
  planId: string;
  direction: ReopenOutcome['direction'];
  proposedCodes: string[];
  scaleDownCodes: string[];
  taskId: string | null;
  workOrderIds: string[];
  nextReviewAt: string;
};

export type LevelChange = {
  officeholderId: string;
  officeholderName: string;
  newLevel: string;
  /** Taken as the previous level of a plan that never had one, so a first assessment proposes its measures. */
  lowestLevel: string;
};

function proposalRows(plan: repo.PlanRow, proposals: ProposedMeasure[], now: string): repo.PlanMeasureRow[] {
  return proposals.flatMap((p) => {
    const entry = findCatalogueMeasure(p.code);
    if (!entry) return [];
    return [
      {
        id: newId(),
        plan_id: plan.id,
        organisation_id: plan.organisation_id,
        code: p.code,
        status: 'voorgesteld' as const,
        status_reason: null,
        deciding_authority: defaultAuthority(entry),
        executing_organisation_id: executorFor(plan, entry),
        cost_euro: null,
        residence_id: defaultResidence(entry),
        start_date: null,
        end_date: null,
        proposal_reason: p.reason_nl,
        created_at: now,
        updated_at: now,
      },
    ];
  });
}

async function ensurePlan(ctx: RequestContext, officeholderId: string): Promise<repo.PlanRow> {
  const existing = await repo.findPlanOfOfficeholder(
    ctx.db,
    ctx.config.encryptionKeys,
    ctx.actor.organisationId,
    officeholderId,
  );
  if (existing) return existing;
  const row = newPlanRow(ctx, newId(), officeholderId);
  await repo.insertPlan(ctx.db, ctx.config.encryptionKeys, row);
  return row;
}

async function issueOrders(
  ctx: RequestContext,
  plan: repo.PlanRow,
  rows: repo.PlanMeasureRow[],
  outcome: ReopenOutcome,
  name: string,
) {
  const dueByCode = new Map(outcome.workOrders.map((w) => [w.measureCode, w.dueAt]));
  const ids: string[] = [];
  for (const row of rows.filter((r) => dueByCode.has(r.code))) {
    const id = await issueWorkOrder(ctx, {
      plan,
      measure: row,
      recipientName: name,
      dueAt: dueByCode.get(row.code) ?? null,
    });
    if (id) ids.push(id);
  }
  return ids;
}

async function tellOwner(ctx: RequestContext, plan: repo.PlanRow, outcome: ReopenOutcome, level: string) {
  if (!outcome.task) return null;
  const taskId = await createTask(ctx, {
    organisationId: plan.organisation_id,
    assigneeUserId: plan.owner_user_id,
    kind: outcome.task.kind,
    title_nl: outcome.task.title_nl,
    title_en: outcome.task.title_en,
    subjectType: 'measure_plan',
    subjectId: plan.id,
    dueAt: outcome.task.dueAt,
  });
  const isUp = outcome.direction === 'up';
  await notifyUsers(ctx, {
    organisationId: plan.organisation_id,
    userIds: [plan.owner_user_id],
    kind: isUp ? 'plan_reopened' : 'scale_down_proposed',
    title_nl: isUp
      ? `Maatregelenplan heropend: dreigingsniveau ${level}`
      : `Afschalen voorgesteld: dreigingsniveau ${level}`,
    title_en: isUp ? `Measure plan reopened: threat level ${level}` : `Scale-down proposed: threat level ${level}`,
    subjectType: 'measure_plan',
    subjectId: plan.id,
  });
  return taskId;
}

/**
 * Brings the officeholder's plan in line with a decided threat level, in the caller's transaction
 * (`ctx.db`): a higher level proposes the missing measures, gives the owner a task and the
 * executor work orders; a lower level only proposes scaling down.
 */
export async function applyThreatLevel(ctx: RequestContext, change: LevelChange): Promise<PlanChange> {
  const plan = await ensurePlan(ctx, change.officeholderId);
  const measures = await repo.measuresOfPlan(ctx.db, plan.id);
  const asOf = ctx.clock.now().toISOString();
  const result = reopenPlan({
    plan: toEnginePlan(plan, measures),
    previousLevel: plan.current_level ?? change.lowestLevel,
    newLevel: change.newLevel,
    asOf,
    officeholder: { displayName: change.officeholderName, homeAddress: parseAddress(plan) },
    contact: contactOf(plan),
  });
  if (!result.ok) throw invalid('decidedLevel', result.error.message_en);
  const outcome = result.value;
  const rows = proposalRows(plan, outcome.proposals, asOf);
  await repo.insertMeasures(ctx.db, rows);
  const workOrderIds = await issueOrders(ctx, plan, rows, outcome, change.officeholderName);
  const taskId = await tellOwner(ctx, plan, outcome, change.newLevel);
  await repo.updatePlan(
    ctx.db,
    ctx.config.encryptionKeys,
    { id: plan.id, organisationId: plan.organisation_id },
    {
      current_level: change.newLevel,
      review_due_at: outcome.nextReviewAt,
      updated_at: asOf,
    },
  );
  await auditPlan(ctx, ctx.db, 'measure_plan.reopen', plan.id, {
    direction: outcome.direction,
    proposed: rows.map((r) => r.code),
    scaleDown: outcome.scaleDownProposals.map((s) => s.code),
  });
  return {
    planId: plan.id,
    direction: outcome.direction,
    proposedCodes: rows.map((r) => r.code),
    scaleDownCodes: outcome.scaleDownProposals.map((s) => s.code),
    taskId,
    workOrderIds,
    nextReviewAt: outcome.nextReviewAt,
  };
}
