import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { PerDbCache } from '../../db/access-cache.js';
import { cacheVersionFor, UNKNOWN_VERSION } from '../../db/cache-version.js';
import { listVisibleDatasets, type DatasetAccess } from '../entities/datasets.service.js';
import { liveGrantsTo } from '../sharing/sharing.repository.js';

/**
 * Each organisation keeps the applicants it screened as entities of its own dataset, so a
 * match decision (applicant ~ candidate) goes through the entity store like any other.
 * That dataset is never screened against: it would find the applicant itself.
 */
export const SUBJECT_DATASET = { name: 'gescreende-aanvragers', title: 'Gescreende aanvragers' } as const;

const isSubjectDataset = (access: DatasetAccess, organisationId: string): boolean =>
  access.dataset.name === SUBJECT_DATASET.name && access.dataset.organisation_id === organisationId;

/**
 * The datasets a reader may screen against, kept per reader (account, organisation, roles) with
 * the access version they were read under (db/cache-version.ts: grants, datasets, imports and
 * organisations move it) and used until the first of their dataset grants expires by the clock,
 * at most MAX_AGE_MS. The answer is then the same as reading it afresh.
 */
const MAX_AGE_MS = 60_000;
type Kept = { version: number; readAt: number; validUntil: number; accesses: readonly DatasetAccess[] };
const kept = new PerDbCache<Kept>(1_000);

async function readVisible(ctx: RequestContext, nowMs: number): Promise<{ accesses: DatasetAccess[]; until: number }> {
  const nowIso = new Date(nowMs).toISOString();
  // Read before the datasets, so a grant ending while they are read is not missed.
  const grants = await liveGrantsTo(ctx.db, ctx.actor.organisationId, 'dataset', nowIso);
  const accesses = (await listVisibleDatasets(ctx)).filter((a) => !isSubjectDataset(a, ctx.actor.organisationId));
  const until = grants.reduce((first, g) => Math.min(first, Date.parse(g.expires_at)), nowMs + MAX_AGE_MS);
  return { accesses, until };
}

async function visibleToScreen(ctx: RequestContext): Promise<readonly DatasetAccess[]> {
  const version = await cacheVersionFor(ctx.db, ctx.actor);
  const nowMs = ctx.clock.now().getTime();
  const { actor } = ctx;
  const key = `${actor.userId}\n${actor.organisationId}\n${actor.roles.join(',')}`;
  const known = kept.get(ctx.db, key);
  if (known && known.version === version && nowMs >= known.readAt && nowMs < known.validUntil) return known.accesses;
  const { accesses, until } = await readVisible(ctx, nowMs);
  if (version === UNKNOWN_VERSION) return accesses;
  kept.set(ctx.db, key, { version, readAt: nowMs, validUntil: until, accesses });
  return accesses;
}

/** The datasets to screen against: the ones asked for (each must be visible, else 404) or all visible. */
export async function datasetsToScreen(ctx: RequestContext, datasetIds?: readonly string[]): Promise<DatasetAccess[]> {
  const visible = await visibleToScreen(ctx);
  if (!datasetIds || datasetIds.length === 0) return [...visible];
  const byId = new Map(visible.map((a) => [a.dataset.id, a]));
  return [...new Set(datasetIds)].map((id) => {
    const access = byId.get(id);
    if (!access) throw notFound('dataset');
    return access;
  });
}
