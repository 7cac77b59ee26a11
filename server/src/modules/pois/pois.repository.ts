import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import { openColumns, sealColumns } from '../../platform/crypto/encrypted-columns.js';
import type { FieldKeys } from '../../platform/crypto/field-encryption.js';
import type { IncidentPoisTable, PoiGroupsTable, PoisTable } from './pois.table.js';

export type PoiRow = Selectable<PoisTable>;
export type PoiLinkRow = Selectable<IncidentPoisTable>;
export type PoiGroupRow = Selectable<PoiGroupsTable>;

// Addresses are sealed here on write and opened on read, so no caller sees ciphertext.
const opened = <R extends PoiRow>(keys: FieldKeys, row: R): R =>
  openColumns(keys, 'pois', { rowId: row.id, organisationId: row.organisation_id }, row);

export const findPoi = async (
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
): Promise<PoiRow | undefined> => {
  const row = await db
    .selectFrom('pois')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && opened(keys, row);
};

/** Every person of interest of an organisation (for the duplicate matcher), addresses opened. */
export const listPoisForMatching = async (db: Db, keys: FieldKeys, organisationId: string): Promise<PoiRow[]> =>
  (
    await db
      .selectFrom('pois')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .limit(20_000)
      .execute()
  ).map((row) => opened(keys, row));

/** Persons of interest of an organisation with their incident count; `text` searches all names. */
export async function listPois(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  text?: string,
): Promise<(PoiRow & { incident_count: number })[]> {
  let q = db
    .selectFrom('pois as p')
    .leftJoin('incident_pois as l', 'l.poi_id', 'p.id')
    .where('p.organisation_id', '=', organisationId);
  if (text) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(p.display_name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(p.names)`, 'like', sql`${pattern} escape '\\'`),
      ]),
    );
  }
  const rows = await q
    .selectAll('p')
    .select((eb) => eb.fn.count<number>('l.incident_id').as('incident_count'))
    .groupBy('p.id')
    .orderBy('p.display_name')
    .limit(500)
    .execute();
  return rows.map((r) => opened(keys, { ...r, incident_count: Number(r.incident_count) }));
}

export async function insertPoi(db: Db, keys: FieldKeys, row: Insertable<PoisTable>): Promise<void> {
  const ids = { rowId: row.id, organisationId: row.organisation_id };
  await db
    .insertInto('pois')
    .values(sealColumns(keys, 'pois', ids, row))
    .execute();
}

/** Applies a change only at the given version; returns whether a row changed. */
export async function updatePoiAtVersion(
  db: Db,
  keys: FieldKeys,
  organisationId: string,
  id: string,
  version: number,
  patch: Updateable<PoisTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('pois')
    .set({ ...sealColumns(keys, 'pois', { rowId: id, organisationId }, patch), version: version + 1 })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const linksOfPoi = (db: Db, organisationId: string, poiId: string): Promise<PoiLinkRow[]> =>
  db
    .selectFrom('incident_pois')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('poi_id', '=', poiId)
    .orderBy('created_at')
    .execute();

export const linksOfIncidents = (
  db: Db,
  organisationId: string,
  incidentIds: readonly string[],
): Promise<PoiLinkRow[]> =>
  incidentIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('incident_pois')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('incident_id', 'in', [...incidentIds])
        .execute();

/** Links or re-links a POI to an incident with a role. */
export async function upsertLink(db: Db, row: Insertable<IncidentPoisTable>): Promise<void> {
  await db
    .insertInto('incident_pois')
    .values(row)
    .onConflict((oc) => oc.columns(['incident_id', 'poi_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function deleteLink(db: Db, organisationId: string, poiId: string, incidentId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('incident_pois')
    .where('organisation_id', '=', organisationId)
    .where('poi_id', '=', poiId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export const groupIdsOfPoi = async (db: Db, poiId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('poi_group_members')
      .select('group_id')
      .where('poi_id', '=', poiId)
      .orderBy('group_id')
      .execute()
  ).map((r) => r.group_id);

export async function insertGroup(db: Db, row: Insertable<PoiGroupsTable>): Promise<void> {
  await db.insertInto('poi_groups').values(row).execute();
}

export const findGroup = (db: Db, organisationId: string, id: string): Promise<PoiGroupRow | undefined> =>
  db
    .selectFrom('poi_groups')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listGroups = (db: Db, organisationId: string): Promise<PoiGroupRow[]> =>
  db.selectFrom('poi_groups').selectAll().where('organisation_id', '=', organisationId).orderBy('name').execute();

export async function addMembers(
  db: Db,
  organisationId: string,
  groupId: string,
  poiIds: readonly string[],
): Promise<void> {
  if (poiIds.length === 0) return;
  await db
    .insertInto('poi_group_members')
    .values(poiIds.map((poiId) => ({ group_id: groupId, poi_id: poiId, organisation_id: organisationId })))
    .onConflict((oc) => oc.columns(['group_id', 'poi_id']).doNothing())
    .execute();
}

export async function membersOf(db: Db, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (groupIds.length === 0) return map;
  const rows = await db
    .selectFrom('poi_group_members')
    .select(['group_id', 'poi_id'])
    .where('group_id', 'in', [...groupIds])
    .orderBy('poi_id')
    .execute();
  for (const r of rows) map.set(r.group_id, [...(map.get(r.group_id) ?? []), r.poi_id]);
  return map;
}

/** How many of `ids` are persons of interest of the organisation. */
export async function countPois(db: Db, organisationId: string, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await db
    .selectFrom('pois')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...ids])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Persons of interest by id in any organisation (the caller has checked a live grant), addresses opened. */
export const findPoisByIds = async (db: Db, keys: FieldKeys, ids: readonly string[]): Promise<PoiRow[]> =>
  ids.length === 0
    ? []
    : (
        await db
          .selectFrom('pois')
          .selectAll()
          .where('id', 'in', [...ids])
          .orderBy('id')
          .execute()
      ).map((row) => opened(keys, row));
