import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { OfficeholdersTable } from './officeholders.table.js';

export type OfficeholderRow = Selectable<OfficeholdersTable>;
export type OfficeholderWithStats = OfficeholderRow & { incident_count: number; last_incident_at: string | null };

// Home address and household are sealed here on write and opened on read, so no caller sees ciphertext.
const opened = <R extends OfficeholderRow>(keys: FieldKeys, row: R): R =>
  openColumns(keys, 'officeholders', { rowId: row.id, organisationId: row.organisation_id }, row);

/** Officeholders of one organisation with their incident count; `onlyUserId` narrows to one linked account. */
export async function listOfficeholders(
  db: Db,
  keys: FieldKeys,
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
  return rows.map((r) =>
    opened(keys, { ...r, incident_count: Number(r.incident_count), last_incident_at: r.last_incident_at ?? null }),
  );
}

export async function findOfficeholder(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
): Promise<OfficeholderRow | undefined> {
  const row = await db
    .selectFrom('officeholders')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && opened(keys, row);
}

export async function findOfficeholderOfUser(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  userId: string,
): Promise<OfficeholderRow | undefined> {
  const row = await db
    .selectFrom('officeholders')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row && opened(keys, row);
}

export const insertOfficeholder = async (
  db: Db,
  keys: FieldKeys,
  row: Insertable<OfficeholdersTable>,
): Promise<void> => {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('officeholders')
    .values(sealColumns(keys, 'officeholders', ids, row))
    .execute();
};

export const updateOfficeholder = async (
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
  patch: Updateable<OfficeholdersTable>,
): Promise<void> => {
  await db
    .updateTable('officeholders')
    .set(sealColumns(keys, 'officeholders', { rowId: id, organisationId }, patch))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
};

/**
 * Officeholders by id in any organisation: only for records the caller has already found shared
 * with the actor by a live grant (on PostgreSQL row-level security shows no others either).
 */
export async function findOfficeholdersByIds(
  db: Db,
  keys: FieldKeys,
  ids: readonly string[],
): Promise<OfficeholderRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('officeholders')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('full_name')
    .execute();
  return rows.map((r) => opened(keys, r));
}
