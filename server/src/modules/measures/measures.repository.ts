import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { MeasurePlansTable, PlanMeasuresTable, WorkOrdersTable } from './measures.table.js';

export type PlanRow = Selectable<MeasurePlansTable>;
export type PlanMeasureRow = Selectable<PlanMeasuresTable>;
export type WorkOrderRow = Selectable<WorkOrdersTable>;

// Home address and household are sealed here on write and opened on read, so no caller sees ciphertext.
const opened = (keys: FieldKeys, row: PlanRow): PlanRow =>
  openColumns(keys, 'measure_plans', { rowId: row.id, organisationId: row.organisation_id }, row);

export const findPlanOfOfficeholder = async (
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  officeholderId: string,
): Promise<PlanRow | undefined> => {
  const row = await db
    .selectFrom('measure_plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('officeholder_id', '=', officeholderId)
    .executeTakeFirst();
  return row && opened(keys, row);
};

export const findPlanById = async (db: Db, keys: FieldKeys, id: string): Promise<PlanRow | undefined> => {
  const row = await db.selectFrom('measure_plans').selectAll().where('id', '=', id).executeTakeFirst();
  return row && opened(keys, row);
};

export const listPlans = async (db: Db, keys: FieldKeys, organisationId: string): Promise<PlanRow[]> =>
  (await db.selectFrom('measure_plans').selectAll().where('organisation_id', '=', organisationId).execute()).map(
    (row) => opened(keys, row),
  );

export async function insertPlan(db: Db, keys: FieldKeys, row: Insertable<MeasurePlansTable>): Promise<void> {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('measure_plans')
    .values(sealColumns(keys, 'measure_plans', ids, row))
    .execute();
}

/** Changes a plan; sealed columns in the patch are bound to the plan's id and organisation. */
export async function updatePlan(
  db: Db,
  keys: FieldKeys,
  plan: { id: string; organisationId: string },
  patch: Updateable<MeasurePlansTable>,
): Promise<void> {
  await db
    .updateTable('measure_plans')
    .set(sealColumns(keys, 'measure_plans', { rowId: plan.id, organisationId: plan.organisationId }, patch))
    .where('id', '=', plan.id)
    .where('organisation_id', '=', plan.organisationId)
    .execute();
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
