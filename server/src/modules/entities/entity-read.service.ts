import type { AppContext, RequestContext } from '../../platform/context.js';
import { flagOrganisationsFor } from './entities.policy.js';
import type { DatasetAccess } from './datasets.service.js';
import * as repo from './entities.repository.js';

/**
 * Plain reads of the store for engines that index whole datasets (screening). The caller
 * has established access (datasetAccess / listVisibleDatasets); these only read.
 */

export type StoredEntity = {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  topics: string[];
  firstSeen: string;
  lastSeen: string;
};

const PAGE = 2_000;

/** The columns an entity is answered from (a row of `entities`, or a narrower select of it). */
export type StoredEntityRow = Pick<
  repo.EntityRow,
  'id' | 'schema' | 'caption' | 'properties' | 'topics' | 'first_seen' | 'last_seen'
>;

/** A stored row as an entity: its JSON columns parsed. */
export const toStored = (row: StoredEntityRow): StoredEntity => ({
  id: row.id,
  schema: row.schema,
  caption: row.caption,
  properties: JSON.parse(row.properties) as Record<string, string[]>,
  topics: JSON.parse(row.topics) as string[],
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
});

/** Every entity of a dataset in id order, page by page (keyset), so memory stays flat. */
export async function* datasetEntities(ctx: AppContext, datasetId: string): AsyncGenerator<StoredEntity[]> {
  let after = '';
  for (;;) {
    const rows = await repo.entitiesAfter(ctx.db, datasetId, after, PAGE);
    if (rows.length === 0) return;
    yield rows.map(toStored);
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** Entities of one dataset by id (unknown ids are left out). */
export async function entitiesByIds(
  ctx: AppContext,
  datasetId: string,
  ids: readonly string[],
): Promise<StoredEntity[]> {
  const rows: repo.EntityRow[] = [];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(...(await repo.findEntities(ctx.db, datasetId, ids.slice(i, i + 500))));
  return rows.map(toStored);
}

/** Ids of the entities of a dataset with a live analyst flag the actor sees (own and the owner's). */
export async function flaggedEntityIds(ctx: RequestContext, access: DatasetAccess): Promise<string[]> {
  const flags = await repo.liveFlagsOfDataset(
    ctx.db,
    access.dataset.id,
    flagOrganisationsFor(ctx.actor, access.dataset),
  );
  return [...new Set(flags.map((f) => f.entity_id))].sort();
}

/** One entity-typed property value: `sourceId`'s `property` names `targetId`. */
export type StoredRef = { sourceId: string; property: string; targetId: string };

/**
 * References within one dataset that point at an entity, at most `limit` (the index on the
 * target is read, no sort: a hub with many ties costs only the rows asked for).
 */
export async function referencesTo(
  ctx: AppContext,
  datasetId: string,
  targetId: string,
  limit: number,
): Promise<StoredRef[]> {
  const rows = await ctx.db
    .selectFrom('entity_refs')
    .select(['source_id', 'property', 'target_id'])
    .where('dataset_id', '=', datasetId)
    .where('target_id', '=', targetId)
    .limit(limit)
    .execute();
  return rows.map((r) => ({ sourceId: r.source_id, property: r.property, targetId: r.target_id }));
}

const ID_PAGE = 10_000;

/** Every entity id of a dataset in the order datasetEntities reads them, page by page. */
export async function* datasetEntityIds(ctx: AppContext, datasetId: string): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('entities')
      .select('id')
      .where('dataset_id', '=', datasetId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(ID_PAGE)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => r.id);
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** The dataset's `updated_at`, which an import sets when it ends ('' for an unknown dataset). */
async function importedUntil(ctx: AppContext, datasetId: string): Promise<string> {
  const row = await ctx.db.selectFrom('datasets').select('updated_at').where('id', '=', datasetId).executeTakeFirst();
  return row?.updated_at ?? '';
}

/**
 * How far a dataset's changes go: `latest` is the newest `changed_at` read, and `isComplete` says
 * the import that wrote it had ended before the read began (the dataset's `updated_at` is later),
 * so every row changed at that very instant was read.
 */
export type ChangeMark = { latest: string; isComplete: boolean };
/** A change mark with the dataset's `updated_at` read before it. */
export type DatasetMark = ChangeMark & { updatedAt: string };

/** The change mark of a dataset's entities as they are now. */
export async function changeMark(ctx: AppContext, datasetId: string): Promise<DatasetMark> {
  // Read first: an import ending during the read must not make the mark look complete.
  const until = await importedUntil(ctx, datasetId);
  const row = await ctx.db
    .selectFrom('entities')
    .select((eb) => eb.fn.max('changed_at').as('latest'))
    .where('dataset_id', '=', datasetId)
    .executeTakeFirst();
  const latest = row?.latest ?? '';
  return { latest, isComplete: until > latest, updatedAt: until };
}

/**
 * Entities of a dataset whose content changed after the mark (at or after it when the mark was
 * not complete; inserts included), with the mark they bring the reader to — or null when more
 * than `atMost` changed (a full build is then cheaper, and nothing was parsed). One pass over the
 * dataset's rows for the ids (measured cheaper than the import-time cost of an index on
 * `changed_at`), then the changed rows by id.
 */
export async function entitiesChangedSince(
  ctx: AppContext,
  datasetId: string,
  since: ChangeMark,
  atMost: number,
): Promise<{ entities: StoredEntity[]; mark: DatasetMark } | null> {
  const until = await importedUntil(ctx, datasetId);
  const changed = await ctx.db
    .selectFrom('entities')
    .select(['id', 'changed_at'])
    .where('dataset_id', '=', datasetId)
    .where('changed_at', since.isComplete ? '>' : '>=', since.latest)
    .limit(atMost + 1)
    .execute();
  if (changed.length > atMost) return null;
  const latest = changed.reduce((max, r) => (r.changed_at > max ? r.changed_at : max), since.latest);
  const entities = await entitiesByIds(
    ctx,
    datasetId,
    changed.map((r) => r.id),
  );
  return { entities, mark: { latest, isComplete: until > latest, updatedAt: until } };
}

/** Ids of the entities whose `property` names one of `targetIds` (each source once). */
export async function referrersOf(
  ctx: AppContext,
  datasetId: string,
  property: string,
  targetIds: readonly string[],
): Promise<string[]> {
  const sources = new Set<string>();
  for (let i = 0; i < targetIds.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('entity_refs')
      .select('source_id')
      .where('dataset_id', '=', datasetId)
      .where('property', '=', property)
      .where('target_id', 'in', targetIds.slice(i, i + 500))
      .execute();
    for (const row of rows) sources.add(row.source_id);
  }
  return [...sources];
}
