/**
 * The screening engines per dataset, kept in memory and keyed by the dataset's content
 * version (imports bump `updated_at` and `entity_count`; the configured flagging topics are
 * part of it too). A stale or missing entry is made lazily: from a binary snapshot when one
 * exists for that version; else updated from the engines of an older version (in memory, or
 * the snapshot on disk after a restart) with the entities changed since; else built from the
 * store. The snapshot of the new version is then written. Analyst flags differ per reader, so
 * they are laid over the graph as a cheap copy of its flag array instead of a rebuild.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { keptUnderVersion, PerDbCache, type KeptRead } from '../../db/access-cache.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { DatasetAccess } from '../entities/datasets.service.js';
import { flaggedEntityIds } from '../entities/entity-read.service.js';
import { findNode } from '../entities/graph/graph-access.js';
import { FLAG_BIT, type EntityGraph } from '../entities/graph/graph.types.js';
import { buildFromStore, updateEngines, type BuiltEngines } from './engine-build.js';
import { readLatestSnapshots, readSnapshots, writeSnapshots, type DatasetEngines } from './engine-snapshots.js';

type DatasetRow = DatasetAccess['dataset'];
type Entry = {
  /** The unhashed content key, compared first so a request with an unchanged dataset hashes nothing. */
  key: string;
  built: Promise<BuiltEngines>;
  variants: Map<string, EntityGraph>;
};
/** Full builds from the store, loads of a snapshot of the version asked for, and updates from an older version. */
export type EngineStats = { builds: number; snapshotLoads: number; updates: number };
type Cache = { entries: Map<string, Entry>; stats: EngineStats };

// Per database handle, so several apps in one process (tests) never share engines.
const caches = new WeakMap<Db, Cache>();
const MAX_FLAG_VARIANTS = 8;

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), stats: { builds: 0, snapshotLoads: 0, updates: 0 } };
    caches.set(db, cache);
  }
  return cache;
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

const contentKey = (dataset: DatasetRow, flaggedTopics: readonly string[]): string =>
  `${dataset.updated_at}|${Number(dataset.entity_count)}|${flaggedTopics.join(',')}`;

/** The content version of a dataset's engines. */
export function contentVersion(dataset: DatasetRow, flaggedTopics: readonly string[]): string {
  return shortHash(contentKey(dataset, flaggedTopics));
}

/** The older engines to update from: the ones in memory, else the snapshot on disk. */
async function olderEngines(ctx: AppContext, datasetId: string, inMemory: Entry | undefined) {
  if (inMemory) {
    const built = await inMemory.built.catch(() => null);
    if (built) return built;
  }
  return readLatestSnapshots(ctx.config.snapshotDir, datasetId, ctx.logger);
}

async function loadEngines(
  ctx: AppContext,
  cache: Cache,
  datasetId: string,
  version: string,
  older: Entry | undefined,
): Promise<BuiltEngines> {
  const dir = ctx.config.snapshotDir;
  const fromDisk = await readSnapshots(dir, datasetId, version, ctx.logger);
  if (fromDisk) {
    cache.stats.snapshotLoads += 1;
    return fromDisk;
  }
  const previous = await olderEngines(ctx, datasetId, older);
  let built = previous ? await updateEngines(ctx, datasetId, previous) : null;
  if (built) cache.stats.updates += 1;
  else {
    built = await buildFromStore(ctx, datasetId);
    cache.stats.builds += 1;
  }
  await writeSnapshots(dir, datasetId, version, built, ctx.logger);
  return built;
}

/** The engines of a dataset's current content (the caller has checked access). */
export async function enginesFor(ctx: AppContext, dataset: DatasetRow): Promise<DatasetEngines> {
  const cache = cacheOf(ctx.db);
  const key = contentKey(dataset, ctx.config.flaggedTopics);
  const current = cache.entries.get(dataset.id);
  if (current?.key === key) return (await current.built).engines;
  const built = loadEngines(ctx, cache, dataset.id, shortHash(key), current);
  const entry: Entry = { key, built, variants: new Map() };
  cache.entries.set(dataset.id, entry);
  // A failed build must not stick: the next request tries again.
  built.catch(() => {
    if (cache.entries.get(dataset.id) === entry) cache.entries.delete(dataset.id);
  });
  return (await built).engines;
}

function withFlags(graph: EntityGraph, ids: readonly string[]): EntityGraph {
  const nodeFlags = new Uint16Array(graph.nodeFlags);
  for (const id of ids) {
    const node = findNode(graph, id);
    if (node >= 0) nodeFlags[node] = (nodeFlags[node] ?? 0) | FLAG_BIT;
  }
  return { ...graph, nodeFlags };
}

/**
 * The flagged entity ids a reader's organisation sees on a dataset, kept with the access version
 * they were read under (analyst flags move it, see db/cache-version.ts).
 */
const flagCaches = new PerDbCache<KeptRead<string[]>>(1_000);

// Whose flags a reader sees depends only on the reader's organisation and the dataset's owner.
const readerFlags = (ctx: RequestContext, access: DatasetAccess): Promise<string[]> =>
  keptUnderVersion(flagCaches, ctx.db, ctx.actor, `${access.dataset.id}\n${ctx.actor.organisationId}`, () =>
    flaggedEntityIds(ctx, access),
  );

/** The dataset's graph with the analyst flags the reader sees laid over it. */
export async function graphForReader(ctx: RequestContext, access: DatasetAccess): Promise<EntityGraph> {
  const engines = await enginesFor(ctx, access.dataset);
  const flagged = await readerFlags(ctx, access);
  if (flagged.length === 0) return engines.graph;
  const entry = cacheOf(ctx.db).entries.get(access.dataset.id);
  const key = shortHash(flagged.join('\n'));
  const cached = entry?.variants.get(key);
  if (cached) return cached;
  const graph = withFlags(engines.graph, flagged);
  if (entry && entry.variants.size < MAX_FLAG_VARIANTS) entry.variants.set(key, graph);
  return graph;
}

/** How often engines were built from the store or loaded from a snapshot (for tests and logs). */
export const engineStats = (db: Db): EngineStats => ({ ...cacheOf(db).stats });

/** Drops the in-memory engines, as a restart would (snapshots on disk stay). */
export function forgetEngines(db: Db): void {
  cacheOf(db).entries.clear();
}
