import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OfficeholdersTable } from './officeholders.table.js';

export type OfficeholderRow = Selectable<OfficeholdersTable>;
export type OfficeholderWithStats = OfficeholderRow & { incident_count: number; last_incident_at: string | null };

/** Officeholders of one organisation with their incident count; `onlyUserId` narrows to one linked account. */
export async function listOfficeholders(
  db: Db,
  organisationId: string,
  options: { includeInactive: boolean; onlyUserId?: string },
): Promise<OfficeholderWithStats[]> {
  let query = db
    .selectFrom('officeholders as o')
    .leftJoin('incidents as i', 'i.officeholder_id', 'o.id')
    .where('o.organisation_id', '=', organisationId);
  if (!options.includeInactive) query = query.where('o.active', '=', 1);
  if (options.onlyUserId) query = query.where('o.user_id', '=', options.onlyUserId);
  const rows = await query
    .selectAll('o')
    .select((eb) => [
      eb.fn.count<number>('i.id').as('incident_count'),
      eb.fn.max('i.occurred_at').as('last_incident_at'),
    ])
    .groupBy('o.id')
    .orderBy('o.full_name')
    .execute();
  return rows.map((r) => ({
    ...r,
    incident_count: Number(r.incident_count),
    last_incident_at: r.last_incident_at ?? null,
  }));
}

export const findOfficeholder = (db: Db, organisationId: string, id: string): Promise<OfficeholderRow | undefined> =>
  db
    .selectFrom('officeholders')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findOfficeholderOfUser = (
  db: Db,
  organisationId: string,
  userId: string,
): Promise<OfficeholderRow | undefined> =>
  db
    .selectFrom('officeholders')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const insertOfficeholder = async (db: Db, row: Insertable<OfficeholdersTable>): Promise<void> => {
  await db.insertInto('officeholders').values(row).execute();
};

export const updateOfficeholder = async (
  db: Db,
  organisationId: string,
  id: string,
  patch: Updateable<OfficeholdersTable>,
): Promise<void> => {
  await db
    .updateTable('officeholders')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
};
