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
