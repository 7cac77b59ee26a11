import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { ScanAnswersTable, ScanFindingsTable, SecurityScansTable } from './scans.table.js';

export type ScanRow = Selectable<SecurityScansTable>;
export type AnswerRow = Selectable<ScanAnswersTable>;
export type FindingRow = Selectable<ScanFindingsTable>;

export async function insertScan(db: Db, row: Insertable<SecurityScansTable>): Promise<void> {
  await db.insertInto('security_scans').values(row).execute();
}

export const findScan = (db: Db, organisationId: string, id: string): Promise<ScanRow | undefined> =>
  db
    .selectFrom('security_scans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const scansOfOfficeholder = (db: Db, organisationId: string, officeholderId: string): Promise<ScanRow[]> =>
  db
    .selectFrom('security_scans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('officeholder_id', '=', officeholderId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();

/** Changes a scan only while it still has the status the caller read; returns whether it did. */
export async function updateScanInStatus(
  db: Db,
  id: string,
  expected: ScanRow['status'],
  patch: Updateable<SecurityScansTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('security_scans')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const answersOfScan = async (db: Db, keys: FieldKeys, scanId: string): Promise<AnswerRow[]> =>
  (
    await db.selectFrom('scan_answers').selectAll().where('scan_id', '=', scanId).orderBy('question_code').execute()
  ).map((row) => openColumns(keys, 'scan_answers', { rowId: row.id, organisationId: row.organisation_id }, row));

/** Replaces the answers to the given questions (a fresh row each, so the sealed note is bound to it). */
export async function replaceAnswers(db: Db, keys: FieldKeys, scanId: string, rows: AnswerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('scan_answers')
    .where('scan_id', '=', scanId)
    .where(
      'question_code',
      'in',
      rows.map((r) => r.question_code),
    )
    .execute();
  await db
    .insertInto('scan_answers')
    .values(rows.map((r) => sealColumns(keys, 'scan_answers', { rowId: r.id, organisationId: r.organisation_id }, r)))
    .execute();
}

export const findingsOfScans = (db: Db, scanIds: readonly string[]): Promise<FindingRow[]> =>
  scanIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('scan_findings')
        .selectAll()
        .where('scan_id', 'in', [...scanIds])
        .execute();

export async function deleteFindings(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0)
    await db
      .deleteFrom('scan_findings')
      .where('id', 'in', [...ids])
      .execute();
}

export async function insertFindings(db: Db, rows: Insertable<ScanFindingsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('scan_findings').values(rows).execute();
}

export async function markFindingsProposed(db: Db, ids: readonly string[], userId: string, at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('scan_findings')
    .set({ proposed_at: at, proposed_by_user_id: userId })
    .where('id', 'in', [...ids])
    .execute();
}
