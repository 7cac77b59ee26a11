import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MeasurePlansTable, PlanMeasuresTable, WorkOrdersTable } from './measures.table.js';

export type PlanRow = Selectable<MeasurePlansTable>;
export type PlanMeasureRow = Selectable<PlanMeasuresTable>;
export type WorkOrderRow = Selectable<WorkOrdersTable>;

export const findPlanOfOfficeholder = (
  db: Db,
  organisationId: string,
  officeholderId: string,
): Promise<PlanRow | undefined> =>
  db
    .selectFrom('measure_plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('officeholder_id', '=', officeholderId)
    .executeTakeFirst();

export const findPlanById = (db: Db, id: string): Promise<PlanRow | undefined> =>
  db.selectFrom('measure_plans').selectAll().where('id', '=', id).executeTakeFirst();

export const listPlans = (db: Db, organisationId: string): Promise<PlanRow[]> =>
  db.selectFrom('measure_plans').selectAll().where('organisation_id', '=', organisationId).execute();

export async function insertPlan(db: Db, row: Insertable<MeasurePlansTable>): Promise<void> {
  await db.insertInto('measure_plans').values(row).execute();
}

export async function updatePlan(db: Db, id: string, patch: Updateable<MeasurePlansTable>): Promise<void> {
  await db.updateTable('measure_plans').set(patch).where('id', '=', id).execute();
}

export const measuresOfPlan = (db: Db, planId: string): Promise<PlanMeasureRow[]> =>
  db
    .selectFrom('plan_measures')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('created_at')
    .orderBy('code')
    .execute();

export const findMeasure = (db: Db, planId: string, id: string): Promise<PlanMeasureRow | undefined> =>
  db.selectFrom('plan_measures').selectAll().where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();

export const findMeasureById = (db: Db, id: string): Promise<PlanMeasureRow | undefined> =>
  db.selectFrom('plan_measures').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertMeasures(db: Db, rows: Insertable<PlanMeasuresTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('plan_measures').values(rows).execute();
}

/** Updates a measure only while it still has the status the caller read (no lost status moves). */
export async function updateMeasure(
  db: Db,
  id: string,
  expectedStatus: PlanMeasureRow['status'],
  patch: Updateable<PlanMeasuresTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('plan_measures')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertWorkOrder(db: Db, row: Insertable<WorkOrdersTable>): Promise<void> {
  await db.insertInto('work_orders').values(row).execute();
}

export const workOrdersOfMeasures = (db: Db, measureIds: readonly string[]): Promise<WorkOrderRow[]> =>
  measureIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('work_orders')
        .selectAll()
        .where('plan_measure_id', 'in', [...measureIds])
        .execute();

export const workOrdersForExecutor = (db: Db, executorOrganisationId: string): Promise<WorkOrderRow[]> =>
  db
    .selectFrom('work_orders')
    .selectAll()
    .where('executor_organisation_id', '=', executorOrganisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

export const findWorkOrder = (db: Db, id: string): Promise<WorkOrderRow | undefined> =>
  db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirst();

export async function updateWorkOrder(db: Db, id: string, patch: Updateable<WorkOrdersTable>): Promise<void> {
  await db.updateTable('work_orders').set(patch).where('id', '=', id).execute();
}
