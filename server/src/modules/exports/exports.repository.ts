import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ExportRequestsTable } from '../sharing/sharing.table.js';

export type ExportRow = Selectable<ExportRequestsTable>;

export const insertExport = async (db: Db, row: Insertable<ExportRequestsTable>): Promise<void> => {
  await db.insertInto('export_requests').values(row).execute();
};

export const findExport = (db: Db, organisationId: string, id: string): Promise<ExportRow | undefined> =>
  db
    .selectFrom('export_requests')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listExports = (db: Db, organisationId: string): Promise<ExportRow[]> =>
  db
    .selectFrom('export_requests')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('requested_at', 'desc')
    .limit(200)
    .execute();

/** Applies a change only while the request is still in `fromStatus` (so two approvers cannot race). */
export async function updateExportFrom(
  db: Db,
  id: string,
  fromStatus: ExportRow['status'],
  patch: Updateable<ExportRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('export_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
