import { invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/context.js';
import { auditPoi, requirePoi } from './pois.service.js';
import type { CreatePoiGroupInput, PoiGroupDto } from './pois.schema.js';
import * as repo from './pois.repository.js';

async function assertOwnPois(ctx: RequestContext, poiIds: readonly string[]): Promise<void> {
  const unique = [...new Set(poiIds)];
  if ((await repo.countPois(ctx.db, ctx.actor.organisationId, unique)) !== unique.length) {
    throw invalid('poiIds', 'contains a person of interest that is not in your organisation');
  }
}

/** Creates a group of persons of interest (acting together, one family, one network). */
export async function createPoiGroup(ctx: RequestContext, input: CreatePoiGroupInput): Promise<PoiGroupDto> {
  await assertOwnPois(ctx, input.poiIds);
  const row: repo.PoiGroupRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    name: input.name,
    description: input.description,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertGroup(trx, row);
    await repo.addMembers(trx, row.organisation_id, row.id, [...new Set(input.poiIds)]);
    await auditPoi(ctx, trx, { action: 'poi_group.create', objectType: 'poi_group', objectId: row.id });
  });
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    poiIds: [...new Set(input.poiIds)].sort(),
    createdAt: row.created_at,
  };
}

/** The organisation's groups with their members. */
export async function listPoiGroups(ctx: RequestContext): Promise<PoiGroupDto[]> {
  const groups = await repo.listGroups(ctx.db, ctx.actor.organisationId);
  const members = await repo.membersOf(
    ctx.db,
    groups.map((g) => g.id),
  );
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    poiIds: members.get(g.id) ?? [],
    createdAt: g.created_at,
  }));
}

/** Adds a person of interest to a group of the same organisation. */
export async function addPoiGroupMember(ctx: RequestContext, groupId: string, poiId: string): Promise<PoiGroupDto> {
  const group = await repo.findGroup(ctx.db, ctx.actor.organisationId, groupId);
  if (!group) throw notFound('group');
  await requirePoi(ctx, poiId).catch(() => {
    throw invalid('poiId', 'no such person of interest in your organisation');
  });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.addMembers(trx, ctx.actor.organisationId, groupId, [poiId]);
    await auditPoi(ctx, trx, { action: 'poi_group.add_member', objectType: 'poi_group', objectId: groupId });
  });
  const members = await repo.membersOf(ctx.db, [groupId]);
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    poiIds: members.get(groupId) ?? [],
    createdAt: group.created_at,
  };
}
