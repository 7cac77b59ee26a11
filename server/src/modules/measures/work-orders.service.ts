import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { emitWebhookEvent, notifyUsers } from '../notifications/notifications.service.js';
import { toWorkOrder, type WorkOrder } from './engine/work-order.js';
import { contactOf, parseAddress } from './plan-mapper.js';
import type { WorkOrderDto, WorkOrderProgressInput } from './work-orders.schema.js';
import * as repo from './measures.repository.js';

const toDto = (row: repo.WorkOrderRow): WorkOrderDto => ({
  ...(JSON.parse(row.order_payload) as WorkOrder),
  id: row.id,
  progress: row.progress,
  progressNote: row.progress_note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Issues a masked work order for a plan line to its executing organisation, in the caller's transaction. */
export async function issueWorkOrder(
  ctx: AppContext,
  input: { plan: repo.PlanRow; measure: repo.PlanMeasureRow; recipientName: string; dueAt: string | null },
): Promise<string | null> {
  const executor = input.measure.executing_organisation_id;
  if (!executor) return null;
  const order = toWorkOrder(
    input.measure,
    { displayName: input.recipientName, homeAddress: parseAddress(input.plan) },
    { contact: contactOf(input.plan), dueAt: input.dueAt },
  );
  if (!order) return null;
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await repo.insertWorkOrder(ctx.db, {
    id,
    organisation_id: input.plan.organisation_id,
    executor_organisation_id: executor,
    plan_measure_id: input.measure.id,
    order_payload: JSON.stringify(order),
    progress: 'ontvangen',
    progress_note: null,
    created_at: now,
    updated_at: now,
  });
  await emitWebhookEvent(ctx, executor, 'work_order.created', {
    workOrderId: id,
    measureCode: order.measureCode,
    stage: order.stage,
    dueAt: order.dueAt,
  });
  return id;
}

/** Re-masks a stored work order after its measure or plan changed (the address follows the stage), in the caller's transaction. */
export async function refreshWorkOrder(
  ctx: AppContext,
  plan: repo.PlanRow,
  measure: repo.PlanMeasureRow,
): Promise<void> {
  const [existing] = await repo.workOrdersOfMeasures(ctx.db, [measure.id]);
  if (!existing) return;
  const previous = JSON.parse(existing.order_payload) as WorkOrder;
  const order = toWorkOrder(
    measure,
    { displayName: previous.recipientName, homeAddress: parseAddress(plan) },
    { contact: contactOf(plan), dueAt: previous.dueAt },
  );
  if (!order) return;
  await repo.updateWorkOrder(ctx.db, existing.id, {
    order_payload: JSON.stringify(order),
    updated_at: ctx.clock.now().toISOString(),
  });
  await emitWebhookEvent(ctx, existing.executor_organisation_id, 'work_order.updated', {
    workOrderId: existing.id,
    stage: order.stage,
  });
}

/** Work orders addressed to the actor's organisation, newest first; only what the job needs. */
export async function listOwnWorkOrders(ctx: RequestContext): Promise<WorkOrderDto[]> {
  const rows = await repo.workOrdersForExecutor(ctx.db, ctx.actor.organisationId);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'work_order.list',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'work_order',
    details: { count: rows.length },
    origin: ctx.origin,
  });
  return rows.map(toDto);
}

/** The executing organisation reports progress on one of its own work orders; the plan owner is told. */
export async function updateWorkOrderProgress(
  ctx: RequestContext,
  id: string,
  input: WorkOrderProgressInput,
): Promise<WorkOrderDto> {
  const row = await repo.findWorkOrder(ctx.db, id);
  if (!row || row.executor_organisation_id !== ctx.actor.organisationId) throw notFound('work order');
  const measure = await repo.findMeasureById(ctx.db, row.plan_measure_id);
  const plan = measure ? await repo.findPlanById(ctx.db, ctx.config.encryptionKeys, measure.plan_id) : undefined;
  const now = ctx.clock.now().toISOString();
  const patch = { progress: input.progress, progress_note: input.note ?? null, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateWorkOrder(trx, id, patch);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'work_order.progress',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'work_order',
      objectId: id,
      details: { progress: input.progress },
      origin: ctx.origin,
    });
    if (plan) {
      await notifyUsers(
        { ...ctx, db: trx },
        {
          organisationId: plan.organisation_id,
          userIds: [plan.owner_user_id],
          kind: 'work_order_progress',
          title_nl: `Voortgang werkopdracht: ${input.progress}`,
          title_en: `Work order progress: ${input.progress}`,
          subjectType: 'measure_plan',
          subjectId: plan.id,
        },
      );
    }
  });
  return toDto({ ...row, ...patch });
}
