/**
 * Query-by-example across several datasets: each dataset's index is queried on its own and
 * the answers merged by score. "Same" decisions fold a cluster into one answer (its best
 * member, listing the others as referents); "different" decisions never merge anything.
 */
import type { RequestContext } from '../../platform/context.js';
import { keptUnderVersion, PerDbCache, type KeptRead } from '../../db/access-cache.js';
import type { DatasetAccess } from '../entities/datasets.service.js';
import { entityKey, splitEntityKey } from '../entities/cluster-resolver.js';
import { clustersFor } from '../entities/match-decisions.service.js';
import type { Clusters } from '../entities/cluster-resolver.js';
import { queryIndex } from './engine/candidate-query.js';
import type { MatchCandidate, QueryExample } from './engine/types.js';
import { enginesFor } from './engine-cache.js';

export type MergedCandidate = MatchCandidate & {
  datasetId: string;
  /** Key of the cluster's canonical entity (`datasetId/entityId`). */
  canonical: string;
  referents: { datasetId: string; entityId: string }[];
};

export type MatchOptions = { limit: number; threshold: number };

async function queryDataset(
  ctx: RequestContext,
  access: DatasetAccess,
  example: QueryExample,
  options: MatchOptions,
): Promise<(MatchCandidate & { datasetId: string })[]> {
  const { index } = await enginesFor(ctx, access.dataset);
  // Room for answers that fold into a cluster with another dataset's.
  const found = queryIndex(index, example, { limit: options.limit * 2, threshold: options.threshold });
  return found.map((c) => ({ ...c, datasetId: access.dataset.id }));
}

/**
 * An organisation's "same" clusters, kept with the access version they were read under (match
 * decisions move it, see db/cache-version.ts), so requests read the decisions only after one
 * changed. A batch of queries in one request also reads them once.
 */
const clusterCaches = new PerDbCache<KeptRead<Clusters>>(1_000);

const requestClusters = (ctx: RequestContext): Promise<Clusters> =>
  keptUnderVersion(clusterCaches, ctx.db, ctx.actor, ctx.actor.organisationId, () => clustersFor(ctx));

const byScore = (a: { score: number; datasetId: string; id: string }, b: typeof a): number =>
  b.score - a.score || entityKey(a.datasetId, a.id).localeCompare(entityKey(b.datasetId, b.id));

/** The best candidates across the datasets, one per "same" cluster, best first. */
export async function matchAcross(
  ctx: RequestContext,
  accesses: readonly DatasetAccess[],
  example: QueryExample,
  options: MatchOptions,
): Promise<MergedCandidate[]> {
  const perDataset = await Promise.all(accesses.map((a) => queryDataset(ctx, a, example, options)));
  const clusters = await requestClusters(ctx);
  const groups = new Map<string, MergedCandidate>();
  for (const candidate of perDataset.flat().sort(byScore)) {
    const canonical = clusters.canonicalOf(entityKey(candidate.datasetId, candidate.id));
    const group = groups.get(canonical);
    if (group) {
      group.referents.push({ datasetId: candidate.datasetId, entityId: candidate.id });
      continue;
    }
    groups.set(canonical, { ...candidate, canonical, referents: [] });
  }
  return [...groups.values()].slice(0, options.limit);
}

/** The canonical entity of a merged candidate as a reference. */
export const canonicalRef = (c: MergedCandidate): { datasetId: string; entityId: string } =>
  splitEntityKey(c.canonical);
