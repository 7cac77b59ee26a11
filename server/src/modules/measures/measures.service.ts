import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOfficeholder } from '../officeholders/officeholders.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { isUserOfOrganisation } from '../users/users.service.js';
import { findCatalogueMeasure, measureCatalogue } from './engine/measure-catalogue.js';
import type { CatalogueMeasure } from './engine/measure-types.js';
import { assertTransition } from './engine/plan-transitions.js';
import { defaultAuthority, defaultResidence, toPlanDto } from './plan-mapper.js';
import { issueWorkOrder, refreshWorkOrder } from './work-orders.service.js';
import type {
  AddMeasureInput,
  MeasureStatusChangeInput,
  PlanDto,
  UpdateMeasureInput,
  UpsertPlanInput,
} from './measures.schema.js';
import * as repo from './measures.repository.js';

/** Audits a plan change as the actor, in the given transaction. */
export function auditPlan(
  ctx: RequestContext,
  db: AppContext['db'],
  action: string,
  planId: string,
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'measure_plan',
    objectId: planId,
    details,
    origin: ctx.origin,
  });
}

async function readPlan(ctx: RequestContext, plan: repo.PlanRow): Promise<PlanDto> {
  const measures = await repo.measuresOfPlan(ctx.db, plan.id);
  const orders = await repo.workOrdersOfMeasures(
    ctx.db,
    measures.map((m) => m.id),
  );
  return toPlanDto(plan, measures, orders, ctx.clock.now().toISOString());
}

/** The plan of an officeholder of the actor's organisation, or not found (also for other organisations). */
async function requirePlan(ctx: RequestContext, officeholderId: string): Promise<repo.PlanRow> {
  await getOfficeholder(ctx, officeholderId);
  const plan = await repo.findPlanOfOfficeholder(
    ctx.db,
    ctx.config.encryptionKeys,
    ctx.actor.organisationId,
    officeholderId,
  );
  if (!plan) throw notFound('measure plan');
  return plan;
}

/** The measure plan of an officeholder with funding and review state. */
export async function getPlan(ctx: RequestContext, officeholderId: string): Promise<PlanDto> {
  const plan = await requirePlan(ctx, officeholderId);
  await auditPlan(ctx, ctx.db, 'measure_plan.read', plan.id);
  return readPlan(ctx, plan);
}

async function assertExecutor(ctx: RequestContext, path: string, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const org = await getOrganisation(ctx, id).catch(() => null);
  if (!org || !org.active) throw invalid(path, 'no such active organisation');
}

async function planPatch(ctx: RequestContext, input: UpsertPlanInput) {
  if (input.ownerUserId && !(await isUserOfOrganisation(ctx, input.ownerUserId, ctx.actor.organisationId))) {
    throw invalid('ownerUserId', 'no such active account in your organisation');
  }
  await assertExecutor(ctx, 'executingOrganisationId', input.executingOrganisationId);
  if (input.reviewDueAt && input.reviewDueAt < ctx.clock.now().toISOString().slice(0, 10)) {
    throw invalid('reviewDueAt', 'lies in the past');
  }
  return {
    ...(input.ownerUserId !== undefined ? { owner_user_id: input.ownerUserId } : {}),
    ...(input.executingOrganisationId !== undefined
      ? { executing_organisation_id: input.executingOrganisationId }
      : {}),
    ...(input.contact !== undefined
      ? { contact_name: input.contact?.name ?? null, contact_phone: input.contact?.phone ?? null }
      : {}),
    ...(input.homeAddress !== undefined
      ? { home_address: input.homeAddress ? JSON.stringify(input.homeAddress) : null }
      : {}),
    ...(input.household !== undefined ? { household: JSON.stringify(input.household) } : {}),
    ...(input.reviewDueAt !== undefined
      ? { review_due_at: input.reviewDueAt ? `${input.reviewDueAt}T00:00:00.000Z` : null }
      : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
}

/** Creates the officeholder's plan or changes its settings; work orders are re-masked when the address changes. */
export async function upsertPlan(
  ctx: RequestContext,
  officeholderId: string,
  input: UpsertPlanInput,
): Promise<PlanDto> {
  await getOfficeholder(ctx, officeholderId);
  const patch = await planPatch(ctx, input);
  const existing = await repo.findPlanOfOfficeholder(
    ctx.db,
    ctx.config.encryptionKeys,
    ctx.actor.organisationId,
    officeholderId,
  );
  const planId = existing?.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (existing)
      await repo.updatePlan(
        trx,
        ctx.config.encryptionKeys,
        { id: planId, organisationId: existing.organisation_id },
        patch,
      );
    else
      await repo.insertPlan(trx, ctx.config.encryptionKeys, { ...newPlanRow(ctx, planId, officeholderId), ...patch });
    const plan = await repo.findPlanById(trx, ctx.config.encryptionKeys, planId);
    if (plan && existing) {
      for (const m of await repo.measuresOfPlan(trx, planId)) await refreshWorkOrder({ ...ctx, db: trx }, plan, m);
    }
    await auditPlan(ctx, trx, existing ? 'measure_plan.update' : 'measure_plan.create', planId, {
      fields: Object.keys(input),
    });
  });
  return readPlan(ctx, await requirePlan(ctx, officeholderId));
}

/** A fresh plan row owned by the actor. */
export function newPlanRow(ctx: RequestContext, id: string, officeholderId: string): repo.PlanRow {
  const now = ctx.clock.now().toISOString();
  return {
    id,
    organisation_id: ctx.actor.organisationId,
    officeholder_id: officeholderId,
    owner_user_id: ctx.actor.userId,
    executing_organisation_id: null,
    contact_name: null,
    contact_phone: null,
    home_address: null,
    household: '[]',
    current_level: null,
    review_due_at: null,
    closed_at: null,
    created_at: now,
    updated_at: now,
  };
}

function assertDateOrder(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw invalid('endDate', 'lies before startDate');
}

/** The executing organisation of a new line: given, or the plan's security company for its kind of work. */
export function executorFor(plan: repo.PlanRow, entry: CatalogueMeasure, given?: string | null): string | null {
  if (given !== undefined) return given;
  return entry.executor === 'beveiligingsbedrijf' ? plan.executing_organisation_id : null;
}

/** Proposes a catalogue measure in the plan; its executing organisation gets a masked work order. */
export async function addMeasure(
  ctx: RequestContext,
  officeholderId: string,
  input: AddMeasureInput,
): Promise<PlanDto> {
  const officeholder = await getOfficeholder(ctx, officeholderId);
  const plan = await requirePlan(ctx, officeholderId);
  const entry = findCatalogueMeasure(input.code);
  if (!entry) throw invalid('code', 'not in the measure catalogue');
  assertDateOrder(input.startDate, input.endDate);
  await assertExecutor(ctx, 'executingOrganisationId', input.executingOrganisationId);
  const now = ctx.clock.now().toISOString();
  const row: repo.PlanMeasureRow = {
    id: newId(),
    plan_id: plan.id,
    organisation_id: plan.organisation_id,
    code: entry.code,
    status: 'voorgesteld',
    status_reason: null,
    deciding_authority: input.decidingAuthority ?? defaultAuthority(entry),
    executing_organisation_id: executorFor(plan, entry, input.executingOrganisationId),
    cost_euro: input.costEuro ?? null,
    residence_id: input.residenceId !== undefined ? input.residenceId : defaultResidence(entry),
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    proposal_reason: input.reason ?? null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMeasures(trx, [row]);
    await issueWorkOrder(
      { ...ctx, db: trx },
      { plan, measure: row, recipientName: officeholder.fullName, dueAt: null },
    );
    await auditPlan(ctx, trx, 'measure_plan.add_measure', plan.id, { code: entry.code });
  });
  return readPlan(ctx, plan);
}

async function requireMeasure(ctx: RequestContext, officeholderId: string, measureId: string) {
  const plan = await requirePlan(ctx, officeholderId);
  const measure = await repo.findMeasure(ctx.db, plan.id, measureId);
  if (!measure) throw notFound('measure');
  return { plan, measure };
}

/** Changes cost, authority, executor, residence or dates of a plan line. */
export async function updateMeasure(
  ctx: RequestContext,
  officeholderId: string,
  measureId: string,
  input: UpdateMeasureInput,
): Promise<PlanDto> {
  const { plan, measure } = await requireMeasure(ctx, officeholderId, measureId);
  assertDateOrder(
    input.startDate !== undefined ? input.startDate : measure.start_date,
    input.endDate !== undefined ? input.endDate : measure.end_date,
  );
  await assertExecutor(ctx, 'executingOrganisationId', input.executingOrganisationId);
  const patch = {
    ...(input.decidingAuthority !== undefined ? { deciding_authority: input.decidingAuthority } : {}),
    ...(input.executingOrganisationId !== undefined
      ? { executing_organisation_id: input.executingOrganisationId }
      : {}),
    ...(input.costEuro !== undefined ? { cost_euro: input.costEuro } : {}),
    ...(input.residenceId !== undefined ? { residence_id: input.residenceId } : {}),
    ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
    ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateMeasure(trx, measureId, measure.status, patch)))
      throw new AppError('conflict', 'The measure changed meanwhile; reload and try again');
    await auditPlan(ctx, trx, 'measure_plan.update_measure', plan.id, { measureId, fields: Object.keys(input) });
  });
  return readPlan(ctx, plan);
}

/** Moves a measure along voorgesteld → besloten → in uitvoering → actief → beëindigd; the engine names why a move is refused. */
export async function changeMeasureStatus(
  ctx: RequestContext,
  officeholderId: string,
  measureId: string,
  input: MeasureStatusChangeInput,
): Promise<PlanDto> {
  const { plan, measure } = await requireMeasure(ctx, officeholderId, measureId);
  const check = assertTransition(measure.status, input.status);
  if (!check.ok) {
    throw new AppError('validation_failed', `status: ${check.error.reason_en}`, {
      issues: [
        { path: 'status', message: `${check.error.reason_en} (${check.error.reason_nl}) [${check.error.code}]` },
      ],
    });
  }
  if ((input.status === 'afgewezen' || input.status === 'beeindigd') && !input.reason)
    throw invalid('reason', `required to mark a measure ${input.status}`);
  const next = {
    ...measure,
    status: input.status,
    status_reason: input.reason ?? null,
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const patch = { status: next.status, status_reason: next.status_reason, updated_at: next.updated_at };
    if (!(await repo.updateMeasure(trx, measureId, measure.status, patch)))
      throw new AppError('conflict', 'The measure changed meanwhile; reload and try again');
    await refreshWorkOrder({ ...ctx, db: trx }, plan, next);
    await auditPlan(ctx, trx, 'measure_plan.measure_status', plan.id, {
      measureId,
      from: measure.status,
      to: input.status,
    });
  });
  return readPlan(ctx, plan);
}

/** The seeded catalogue of protective measures. */
export const listCatalogue = (): readonly CatalogueMeasure[] => measureCatalogue;
