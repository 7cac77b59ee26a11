import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AccessReasonsTable, GrantsTable } from './sharing.table.js';

export type GrantRow = Selectable<GrantsTable>;
export type GrantWithUsers = GrantRow & { userIds: string[] };

export async function insertGrant(db: Db, row: Insertable<GrantsTable>, userIds: readonly string[]): Promise<void> {
  await db.insertInto('grants').values(row).execute();
  if (userIds.length > 0) {
    await db
      .insertInto('grant_users')
      .values(userIds.map((user_id) => ({ grant_id: row.id, user_id })))
      .execute();
  }
}

async function withUsers(db: Db, rows: GrantRow[]): Promise<GrantWithUsers[]> {
  if (rows.length === 0) return [];
  const users = await db
    .selectFrom('grant_users')
    .select(['grant_id', 'user_id'])
    .where(
      'grant_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({ ...r, userIds: users.filter((u) => u.grant_id === r.id).map((u) => u.user_id) }));
}

/** Every grant on one record of the owner organisation, newest first. */
export async function listGrantsOfRecord(
  db: Db,
  organisationId: string,
  recordType: string,
  recordId: string,
): Promise<GrantWithUsers[]> {
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('record_type', '=', recordType as GrantRow['record_type'])
    .where('record_id', '=', recordId)
    .orderBy('created_at', 'desc')
    .execute();
  return withUsers(db, rows);
}

/** Live grants (not revoked, not expired at `now`) to an organisation for one record, or for all of a type. */
export async function liveGrantsTo(
  db: Db,
  granteeOrganisationId: string,
  recordType: string,
  now: string,
  recordId?: string,
): Promise<GrantWithUsers[]> {
  let query = db
    .selectFrom('grants')
    .selectAll()
    .where('grantee_organisation_id', '=', granteeOrganisationId)
    .where('record_type', '=', recordType as GrantRow['record_type'])
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  if (recordId) query = query.where('record_id', '=', recordId);
  return withUsers(db, await query.execute());
}

export const findGrant = (db: Db, id: string): Promise<GrantRow | undefined> =>
  db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst();

export async function revokeGrant(db: Db, id: string, userId: string, at: string): Promise<void> {
  await db
    .updateTable('grants')
    .set({ revoked_at: at, revoked_by_user_id: userId })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertAccessReason(db: Db, row: Insertable<AccessReasonsTable>): Promise<void> {
  await db.insertInto('access_reasons').values(row).execute();
}

export const findAccessReason = (
  db: Db,
  credentialId: string,
  recordType: string,
  recordId: string,
): Promise<Selectable<AccessReasonsTable> | undefined> =>
  db
    .selectFrom('access_reasons')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
