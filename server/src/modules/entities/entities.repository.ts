import type { Insertable, Selectable } from 'kysely';
import { sqliteHandleOf, type Db, type Dialect } from '../../db/database.js';
import type { EntityBatch } from './import/entity-batch.js';
import { upsertBatchPostgres } from './import/postgres-upsert.js';
import { upsertBatchSqlite, type UpsertOptions } from './import/sqlite-upsert.js';
import type {
  DatasetsTable,
  EntitiesTable,
  EntityFlagsTable,
  EntityRefsTable,
  MatchDecisionsTable,
} from './entities.table.js';

export type DatasetRow = Selectable<DatasetsTable>;
export type EntityRow = Selectable<EntitiesTable>;
export type EntityRefRow = Selectable<EntityRefsTable>;
export type EntityFlagRow = Selectable<EntityFlagsTable>;
export type MatchDecisionRow = Selectable<MatchDecisionsTable>;

// Row counts per statement stay well below SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const ENTITY_ROWS_PER_STATEMENT = 2_000;
const REF_ROWS_PER_STATEMENT = 5_000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export const insertDataset = (db: Db, row: Insertable<DatasetsTable>) =>
  db.insertInto('datasets').values(row).execute();

export const findDataset = (db: Db, id: string): Promise<DatasetRow | undefined> =>
  db.selectFrom('datasets').selectAll().where('id', '=', id).executeTakeFirst();

export const findDatasetByName = (db: Db, organisationId: string, name: string): Promise<DatasetRow | undefined> =>
  db
    .selectFrom('datasets')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();

export const findDatasetsByName = (db: Db, name: string): Promise<DatasetRow[]> =>
  db.selectFrom('datasets').selectAll().where('name', '=', name).execute();

/** Datasets owned by the organisation or among `sharedIds`. */
export function listDatasets(db: Db, organisationId: string, sharedIds: readonly string[]): Promise<DatasetRow[]> {
  return db
    .selectFrom('datasets')
    .selectAll()
    .where((eb) =>
      eb.or([eb('organisation_id', '=', organisationId), eb('id', 'in', sharedIds.length ? [...sharedIds] : [''])]),
    )
    .orderBy('title')
    .execute();
}

export async function refreshEntityCount(db: Db, datasetId: string, at: string): Promise<number> {
  const row = await db
    .selectFrom('entities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  const count = Number(row?.n ?? 0);
  await db.updateTable('datasets').set({ entity_count: count, updated_at: at }).where('id', '=', datasetId).execute();
  return count;
}

/** Whether the dataset holds any entity yet: an import into an empty one need not look ids up. */
export async function hasEntities(db: Db, datasetId: string): Promise<boolean> {
  const row = await db
    .selectFrom('entities')
    .select('id')
    .where('dataset_id', '=', datasetId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Writes one batch of entities atomically (one transaction, or the caller's): new ids inserted
 * with their references, changed ones rewritten with their references replaced, unchanged ones
 * only marked seen; `first_seen` is kept. SQLite runs prepared statements on its own connection
 * (holding Kysely's connection meanwhile), PostgreSQL a few set-based statements per batch.
 */
export async function upsertEntities(
  db: Db,
  dialect: Dialect,
  datasetId: string,
  batch: EntityBatch,
  options: UpsertOptions,
) {
  if (batch.ids.length === 0) return;
  const raw = sqliteHandleOf(db);
  if (raw) return db.connection().execute(async () => upsertBatchSqlite(raw, datasetId, batch, options));
  const write = (trx: Db) =>
    dialect === 'postgres'
      ? upsertBatchPostgres(trx, datasetId, batch, options)
      : upsertBatchPortable(trx, datasetId, batch, options.at);
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

/** Any Kysely SQLite handle (a transaction handed in): multi-row upserts, references replaced for every row. */
async function upsertBatchPortable(db: Db, datasetId: string, batch: EntityBatch, at: string) {
  const rows: Insertable<EntitiesTable>[] = batch.ids.map((id, i) => ({
    dataset_id: datasetId,
    id,
    schema: batch.schemas[i] ?? '',
    caption: batch.captions[i] ?? '',
    caption_key: batch.captionKeys[i] ?? '',
    properties: batch.properties[i] ?? '{}',
    topics: batch.topics[i] ?? '[]',
    first_seen: at,
    last_seen: at,
    changed_at: at,
  }));
  const refs: Insertable<EntityRefsTable>[] = [];
  batch.ids.forEach((id, i) => {
    for (let r = batch.refStarts[i] ?? 0; r < (batch.refStarts[i + 1] ?? 0); r++)
      refs.push({
        dataset_id: datasetId,
        source_id: id,
        property: batch.refProperties[r] ?? '',
        target_id: batch.refTargets[r] ?? '',
      });
  });
  for (const part of chunks(rows, ENTITY_ROWS_PER_STATEMENT)) {
    await db
      .insertInto('entities')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['dataset_id', 'id']).doUpdateSet((eb) => ({
          schema: eb.ref('excluded.schema'),
          caption: eb.ref('excluded.caption'),
          caption_key: eb.ref('excluded.caption_key'),
          properties: eb.ref('excluded.properties'),
          topics: eb.ref('excluded.topics'),
          last_seen: eb.ref('excluded.last_seen'),
          changed_at: eb.ref('excluded.changed_at'),
        })),
      )
      .execute();
    const ids = part.map((r) => r.id);
    await db.deleteFrom('entity_refs').where('dataset_id', '=', datasetId).where('source_id', 'in', ids).execute();
  }
  for (const part of chunks(refs, REF_ROWS_PER_STATEMENT)) await db.insertInto('entity_refs').values(part).execute();
}

export const findEntity = (db: Db, datasetId: string, id: string): Promise<EntityRow | undefined> =>
  db.selectFrom('entities').selectAll().where('dataset_id', '=', datasetId).where('id', '=', id).executeTakeFirst();

export function findEntities(db: Db, datasetId: string, ids: readonly string[]): Promise<EntityRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entities')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('id', 'in', [...ids])
    .execute();
}

/** One page of entities of a dataset in id order, after `afterId` (keyset paging for export). */
export const entitiesAfter = (db: Db, datasetId: string, afterId: string, limit: number): Promise<EntityRow[]> =>
  db
    .selectFrom('entities')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

/** Entities whose caption key starts with `prefix`, within the datasets; one index range per dataset. */
export async function searchByCaption(
  db: Db,
  datasetIds: readonly string[],
  prefix: string,
  page: { limit: number; offset: number },
): Promise<{ rows: EntityRow[]; total: number }> {
  if (datasetIds.length === 0) return { rows: [], total: 0 };
  const base = db
    .selectFrom('entities')
    .where('dataset_id', 'in', [...datasetIds])
    .where('caption_key', '>=', prefix)
    .where('caption_key', '<', `${prefix}\u{10FFFF}`);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('caption_key').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** References from and to one entity of a dataset. */
export async function refsOf(db: Db, datasetId: string, id: string, limit: number) {
  const [outgoing, incoming] = await Promise.all([
    db
      .selectFrom('entity_refs')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .where('source_id', '=', id)
      .limit(limit)
      .execute(),
    db
      .selectFrom('entity_refs')
      .selectAll()
      .where('dataset_id', '=', datasetId)
      .where('target_id', '=', id)
      .limit(limit)
      .execute(),
  ]);
  return { outgoing, incoming };
}

export function refsFrom(db: Db, datasetId: string, sourceIds: readonly string[]): Promise<EntityRefRow[]> {
  if (sourceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entity_refs')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('source_id', 'in', [...sourceIds])
    .execute();
}

export const insertFlag = (db: Db, row: Insertable<EntityFlagsTable>) =>
  db.insertInto('entity_flags').values(row).execute();

export const findFlag = (db: Db, id: string): Promise<EntityFlagRow | undefined> =>
  db.selectFrom('entity_flags').selectAll().where('id', '=', id).executeTakeFirst();

export const revokeFlag = (db: Db, id: string, userId: string, at: string) =>
  db
    .updateTable('entity_flags')
    .set({ revoked_at: at, revoked_by_user_id: userId })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();

/** Live flags on entities of one dataset set by any of `organisationIds`. */
export function liveFlags(
  db: Db,
  datasetId: string,
  entityIds: readonly string[],
  organisationIds: readonly string[],
): Promise<EntityFlagRow[]> {
  if (entityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entity_flags')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('entity_id', 'in', [...entityIds])
    .where('organisation_id', 'in', [...organisationIds])
    .where('revoked_at', 'is', null)
    .orderBy('flagged_at', 'desc')
    .execute();
}

/** Every live flag on a dataset's entities set by any of `organisationIds` (flags are few: set by people). */
export function liveFlagsOfDataset(
  db: Db,
  datasetId: string,
  organisationIds: readonly string[],
): Promise<EntityFlagRow[]> {
  return db
    .selectFrom('entity_flags')
    .selectAll()
    .where('dataset_id', '=', datasetId)
    .where('organisation_id', 'in', [...organisationIds])
    .where('revoked_at', 'is', null)
    .execute();
}

export const insertDecision = (db: Db, row: Insertable<MatchDecisionsTable>) =>
  db.insertInto('match_decisions').values(row).execute();

export const decisionsOfOrganisation = (db: Db, organisationId: string): Promise<MatchDecisionRow[]> =>
  db.selectFrom('match_decisions').selectAll().where('organisation_id', '=', organisationId).execute();

/** Every decision of the organisation that names the entity on either side, newest first. */
export const decisionsOfEntity = (db: Db, organisationId: string, datasetId: string, entityId: string) =>
  db
    .selectFrom('match_decisions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) =>
      eb.or([
        eb.and([eb('left_dataset_id', '=', datasetId), eb('left_entity_id', '=', entityId)]),
        eb.and([eb('right_dataset_id', '=', datasetId), eb('right_entity_id', '=', entityId)]),
      ]),
    )
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
