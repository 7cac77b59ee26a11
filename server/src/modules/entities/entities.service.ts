import { conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit, type AuditInput } from '../../platform/audit/audit.service.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { displayNames } from '../users/users.service.js';
import { entityKey, splitEntityKey, type Clusters } from './cluster-resolver.js';
import type { EntityDto, EntityFlagDto, EntitySearchQuery, EntitySummary } from './entities.schema.js';
import { flagOrganisationsFor } from './entities.policy.js';
import { datasetAccess, visibleDatasetIds, type DatasetAccess } from './datasets.service.js';
import { clustersFor } from './match-decisions.service.js';
import { propertiesOf, summaryOf, tiesOf, topicFlags, type FlagContext } from './entity-view.js';
import { captionKey } from './ftm-validation.js';
import * as repo from './entities.repository.js';

function audit(ctx: RequestContext, db: Db, input: Omit<AuditInput, 'actorUserId' | 'organisationId' | 'origin'>) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    ...input,
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    origin: ctx.origin,
  });
}

async function flagContext(
  ctx: RequestContext,
  access: DatasetAccess,
  ids: string[],
  clusters: Clusters,
): Promise<FlagContext> {
  const orgs = flagOrganisationsFor(ctx.actor, access.dataset);
  const flags = await repo.liveFlags(ctx.db, access.dataset.id, ids, orgs);
  return { config: ctx.config, flaggedIds: new Set(flags.map((f) => f.entity_id)), clusters };
}

async function flagDtos(ctx: RequestContext, flags: repo.EntityFlagRow[]): Promise<EntityFlagDto[]> {
  const names = await displayNames(
    ctx,
    flags.map((f) => f.flagged_by_user_id),
  );
  return flags.map((f) => ({
    id: f.id,
    reason: f.reason,
    flaggedBy: names.get(f.flagged_by_user_id) ?? '—',
    flaggedAt: f.flagged_at,
    isOwnOrganisation: f.organisation_id === ctx.actor.organisationId,
  }));
}

/** The other members of the entity's cluster that the actor may see. */
async function clusterMembers(ctx: RequestContext, key: string, clusters: Clusters): Promise<EntitySummary[]> {
  const members: EntitySummary[] = [];
  for (const memberKey of clusters.membersOf(key)) {
    const { datasetId, entityId } = splitEntityKey(memberKey);
    const access = await datasetAccess(ctx, datasetId).catch(() => null);
    const row = access ? await repo.findEntity(ctx.db, datasetId, entityId) : undefined;
    if (access && row) members.push(summaryOf(row, await flagContext(ctx, access, [row.id], clusters)));
  }
  return members;
}

// Reads through a grant carry the grant's purpose, so the owner's DPO sees why its data was opened.
function auditRead(ctx: RequestContext, access: DatasetAccess, key: string) {
  return audit(ctx, ctx.db, {
    action: 'entity.read',
    result: 'success',
    objectType: 'entity',
    objectId: key,
    ...(access.purpose ? { purpose: access.purpose } : {}),
    details: { via: access.via },
  });
}

/** One entity with its cluster, flags and direct ties; every read is audited. */
export async function getEntity(ctx: RequestContext, datasetId: string, entityId: string): Promise<EntityDto> {
  const access = await datasetAccess(ctx, datasetId);
  const row = await repo.findEntity(ctx.db, datasetId, entityId);
  if (!row) throw notFound('entity');
  const clusters = await clustersFor(ctx);
  const key = entityKey(datasetId, entityId);
  const flags = await repo.liveFlags(ctx.db, datasetId, [entityId], flagOrganisationsFor(ctx.actor, access.dataset));
  const { ties, isTruncated } = await tiesOf(ctx.db, row, (ids) => flagContext(ctx, access, ids, clusters));
  const cluster = await clusterMembers(ctx, key, clusters);
  const flaggedTopics = topicFlags(row, ctx.config);
  const canonical = splitEntityKey(clusters.canonicalOf(key));
  await auditRead(ctx, access, key);
  return {
    datasetId,
    id: row.id,
    schema: row.schema,
    caption: row.caption,
    properties: propertiesOf(row),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    isFlagged: flaggedTopics.length > 0 || flags.length > 0 || cluster.some((m) => m.isFlagged),
    flaggedTopics,
    flags: await flagDtos(ctx, flags),
    canonical: { datasetId: canonical.datasetId, id: canonical.entityId },
    cluster,
    ties,
    isTiesTruncated: isTruncated,
    access: { via: access.via, purpose: access.purpose, sharedBy: access.sharedBy },
  };
}

/** Entities whose name starts with the query, in the datasets the actor may see (one or all). */
export async function searchEntities(
  ctx: RequestContext,
  query: EntitySearchQuery,
): Promise<{ items: EntitySummary[]; total: number; page: number; pageSize: number }> {
  const datasetIds = query.datasetId
    ? [(await datasetAccess(ctx, query.datasetId)).dataset.id]
    : await visibleDatasetIds(ctx);
  const { rows, total } = await repo.searchByCaption(ctx.db, datasetIds, captionKey(query.q), {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const clusters = await clustersFor(ctx);
  const accessById = new Map<string, DatasetAccess>();
  const items: EntitySummary[] = [];
  for (const row of rows) {
    const access = accessById.get(row.dataset_id) ?? (await datasetAccess(ctx, row.dataset_id));
    accessById.set(row.dataset_id, access);
    items.push(summaryOf(row, await flagContext(ctx, access, [row.id], clusters)));
  }
  await audit(ctx, ctx.db, {
    action: 'entity.search',
    result: 'success',
    details: { datasets: datasetIds.length, results: rows.length },
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Flags an entity with a reason; it counts as flagged for the own organisation (and, for the owner, for grantees). */
export async function flagEntity(
  ctx: RequestContext,
  datasetId: string,
  entityId: string,
  reason: string,
): Promise<EntityFlagDto> {
  await datasetAccess(ctx, datasetId);
  if (!(await repo.findEntity(ctx.db, datasetId, entityId))) throw notFound('entity');
  const row = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    dataset_id: datasetId,
    entity_id: entityId,
    reason,
    flagged_by_user_id: ctx.actor.userId,
    flagged_at: ctx.clock.now().toISOString(),
    revoked_at: null,
    revoked_by_user_id: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertFlag(trx, row);
    await audit(ctx, trx, {
      action: 'entity.flag',
      result: 'success',
      objectType: 'entity',
      objectId: entityKey(datasetId, entityId),
      details: { flagId: row.id },
    });
  });
  return (await flagDtos(ctx, [row]))[0] as EntityFlagDto;
}

/** Withdraws a flag of the own organisation; it stops counting at once and stays on record. */
export async function revokeEntityFlag(ctx: RequestContext, flagId: string): Promise<void> {
  const flag = await repo.findFlag(ctx.db, flagId);
  if (!flag || flag.organisation_id !== ctx.actor.organisationId) throw notFound('flag');
  if (flag.revoked_at) throw conflict('this flag was already withdrawn');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeFlag(trx, flagId, ctx.actor.userId, ctx.clock.now().toISOString());
    await audit(ctx, trx, {
      action: 'entity.unflag',
      result: 'success',
      objectType: 'entity',
      objectId: entityKey(flag.dataset_id, flag.entity_id),
      details: { flagId },
    });
  });
}
