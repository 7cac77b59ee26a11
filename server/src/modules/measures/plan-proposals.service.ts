import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/context.js';
import { getOfficeholder } from '../officeholders/officeholders.service.js';
import { findCatalogueMeasure } from './engine/measure-catalogue.js';
import { isLiveStatus } from './engine/plan-transitions.js';
import { auditPlan, executorFor, newPlanRow } from './measures.service.js';
import { defaultAuthority, defaultResidence } from './plan-mapper.js';
import { issueWorkOrder } from './work-orders.service.js';
import * as repo from './measures.repository.js';

export type MeasureProposal = { code: string; reason: string };

export type ProposalOutcome = {
  planId: string;
  /** Codes added as voorgesteld now, each with its plan line id. */
  proposed: { code: string; measureId: string }[];
  /** Codes left out because the plan already holds them (proposed, decided, running or active). */
  alreadyInPlan: string[];
};

async function ensurePlan(ctx: RequestContext, officeholderId: string): Promise<repo.PlanRow> {
  const keys = ctx.config.encryptionKeys;
  const existing = await repo.findPlanOfOfficeholder(ctx.db, keys, ctx.actor.organisationId, officeholderId);
  if (existing) return existing;
  const row = newPlanRow(ctx, newId(), officeholderId);
  await repo.insertPlan(ctx.db, keys, row);
  await auditPlan(ctx, ctx.db, 'measure_plan.create', row.id, { via: 'proposal' });
  return row;
}

function proposalRow(plan: repo.PlanRow, proposal: MeasureProposal, now: string): repo.PlanMeasureRow | null {
  const entry = findCatalogueMeasure(proposal.code);
  if (!entry) return null;
  return {
    id: newId(),
    plan_id: plan.id,
    organisation_id: plan.organisation_id,
    code: entry.code,
    status: 'voorgesteld',
    status_reason: null,
    deciding_authority: defaultAuthority(entry),
    executing_organisation_id: executorFor(plan, entry),
    cost_euro: null,
    residence_id: defaultResidence(entry),
    start_date: null,
    end_date: null,
    proposal_reason: proposal.reason,
    created_at: now,
    updated_at: now,
  };
}

/**
 * Proposes catalogue measures in the officeholder's plan (creating the plan if needed), in the
 * caller's transaction (`ctx.db`): codes the plan already holds are skipped, unknown codes ignored,
 * each new line gets a masked work order when it has an executor. Other modules call this, never
 * the repository.
 */
export async function proposeMeasures(
  ctx: RequestContext,
  officeholderId: string,
  proposals: readonly MeasureProposal[],
  source: { type: string; id: string },
): Promise<ProposalOutcome> {
  const officeholder = await getOfficeholder(ctx, officeholderId);
  const plan = await ensurePlan(ctx, officeholderId);
  const live = new Set(
    (await repo.measuresOfPlan(ctx.db, plan.id)).filter((m) => isLiveStatus(m.status)).map((m) => m.code),
  );
  const now = ctx.clock.now().toISOString();
  const rows: repo.PlanMeasureRow[] = [];
  const alreadyInPlan: string[] = [];
  for (const proposal of proposals) {
    if (live.has(proposal.code)) {
      if (!alreadyInPlan.includes(proposal.code)) alreadyInPlan.push(proposal.code);
      continue;
    }
    const row = proposalRow(plan, proposal, now);
    if (!row) continue;
    rows.push(row);
    live.add(row.code);
  }
  await repo.insertMeasures(ctx.db, rows);
  for (const row of rows) {
    await issueWorkOrder(ctx, { plan, measure: row, recipientName: officeholder.fullName, dueAt: null });
  }
  await auditPlan(ctx, ctx.db, 'measure_plan.propose', plan.id, {
    proposed: rows.map((r) => r.code),
    skipped: alreadyInPlan,
    sourceType: source.type,
    sourceId: source.id,
  });
  return { planId: plan.id, proposed: rows.map((r) => ({ code: r.code, measureId: r.id })), alreadyInPlan };
}
