import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { can } from '../../platform/access/actor.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { CreateGrantInput, GrantDto } from '../sharing/sharing.schema.js';
import type { SharingPurpose, Tlp } from '../sharing/sharing.table.js';
import {
  assertTlpChangeAllowed,
  createGrant,
  grantedAccess,
  listGrants,
  revokeGrant,
  sharedRecordIds,
  type ShareableRecord,
} from '../sharing/sharing.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import type { DatasetKind } from './entities.table.js';
import type { DatasetDto } from './entities.schema.js';
import { isOwnerOf } from './entities.policy.js';
import * as repo from './entities.repository.js';

/** A dataset grant shares the whole dataset; there are no finer parts. */
export const datasetParts = ['kern'] as const;

export type DatasetAccess = {
  dataset: repo.DatasetRow;
  via: 'organisation' | 'grant';
  purpose: SharingPurpose | null;
  sharedBy: string | null;
};

export type NewDataset = { name: string; title: string; kind: DatasetKind };

const slugPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Creates a dataset of an organisation; the name is a slug unique within it. */
export async function createDataset(
  ctx: AppContext,
  organisationId: string,
  input: NewDataset,
): Promise<repo.DatasetRow> {
  if (!slugPattern.test(input.name)) throw invalid('name', 'use lower-case letters, digits and hyphens (at most 63)');
  if (await repo.findDatasetByName(ctx.db, organisationId, input.name)) {
    throw conflict(`a dataset named "${input.name}" already exists`);
  }
  const now = ctx.clock.now().toISOString();
  const row = {
    id: newId(),
    organisation_id: organisationId,
    ...input,
    entity_count: 0,
    tlp: 'AMBER' as const,
    created_at: now,
    updated_at: now,
  };
  await repo.insertDataset(ctx.db, row);
  return row;
}

/** Creates a dataset for the actor's organisation (audited). */
export async function createOwnDataset(ctx: RequestContext, input: NewDataset): Promise<repo.DatasetRow> {
  const row = await createDataset(ctx, ctx.actor.organisationId, input);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'dataset.create',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'dataset',
    objectId: row.id,
    details: { name: row.name, kind: row.kind },
    origin: ctx.origin,
  });
  return row;
}

/** Finds a dataset by name for the CLI: in the named organisation, or the only one with that name. */
export async function findDatasetForCli(
  ctx: AppContext,
  name: string,
  organisationId: string | null,
): Promise<repo.DatasetRow | null> {
  if (organisationId) return (await repo.findDatasetByName(ctx.db, organisationId, name)) ?? null;
  const matches = await repo.findDatasetsByName(ctx.db, name);
  if (matches.length > 1) throw invalid('org', `several organisations have a dataset "${name}"; name one with --org`);
  return matches[0] ?? null;
}

/** How the actor may see a dataset: as its owner or through a live grant; 404 otherwise. */
export async function datasetAccess(ctx: RequestContext, datasetId: string): Promise<DatasetAccess> {
  const dataset = await repo.findDataset(ctx.db, datasetId);
  if (!dataset) throw notFound('dataset');
  if (isOwnerOf(ctx.actor, dataset)) return { dataset, via: 'organisation', purpose: null, sharedBy: null };
  const granted = await grantedAccess(ctx, 'dataset', datasetId);
  if (!granted) throw notFound('dataset');
  return { dataset, via: 'grant', purpose: granted.purposes[0] ?? null, sharedBy: granted.sharedBy };
}

/** The datasets the actor may see: the own organisation's and those shared by a live grant. */
export async function listVisibleDatasets(ctx: RequestContext): Promise<DatasetAccess[]> {
  const shared = await sharedRecordIds(ctx, 'dataset');
  const rows = await repo.listDatasets(ctx.db, ctx.actor.organisationId, shared);
  const names = new Map<string, string>();
  const result: DatasetAccess[] = [];
  for (const dataset of rows) {
    if (isOwnerOf(ctx.actor, dataset)) {
      result.push({ dataset, via: 'organisation', purpose: null, sharedBy: null });
      continue;
    }
    if (!names.has(dataset.organisation_id)) {
      names.set(dataset.organisation_id, (await getOrganisation(ctx, dataset.organisation_id)).name);
    }
    const granted = await grantedAccess(ctx, 'dataset', dataset.id);
    result.push({
      dataset,
      via: 'grant',
      purpose: granted?.purposes[0] ?? null,
      sharedBy: names.get(dataset.organisation_id) ?? null,
    });
  }
  return result;
}

/** Ids of the datasets the actor may see (for searches across them). */
export async function visibleDatasetIds(ctx: RequestContext): Promise<string[]> {
  return (await listVisibleDatasets(ctx)).map((d) => d.dataset.id);
}

async function ownDatasetRecord(ctx: RequestContext, datasetId: string): Promise<ShareableRecord> {
  const { dataset, via } = await datasetAccess(ctx, datasetId);
  if (via !== 'organisation') throw forbidden('only the owner organisation shares a dataset');
  return {
    type: 'dataset',
    id: dataset.id,
    organisationId: dataset.organisation_id,
    tlp: dataset.tlp,
    parts: datasetParts,
  };
}

/** Shares a whole dataset with an organisation (or named people) for a purpose until a date. */
export async function shareDataset(ctx: RequestContext, datasetId: string, input: CreateGrantInput): Promise<GrantDto> {
  return createGrant(ctx, await ownDatasetRecord(ctx, datasetId), { ...input, parts: [...datasetParts] });
}

/** The grants on a dataset, for its owner. */
export async function listDatasetGrants(ctx: RequestContext, datasetId: string): Promise<GrantDto[]> {
  return listGrants(ctx, await ownDatasetRecord(ctx, datasetId));
}

/** Revokes one grant on a dataset; access through it ends at once. */
export async function revokeDatasetGrant(ctx: RequestContext, datasetId: string, grantId: string): Promise<void> {
  const grants = await listGrants(ctx, await ownDatasetRecord(ctx, datasetId));
  if (!grants.some((g) => g.id === grantId)) throw notFound('grant');
  await revokeGrant(ctx, grantId);
}

/** Sets the TLP marking of an own dataset; RED is refused while organisation-wide grants are live (audited). */
export async function setDatasetTlp(ctx: RequestContext, datasetId: string, tlp: Tlp): Promise<void> {
  if (!can(ctx.actor, 'datasets:manage')) throw forbidden();
  const record = await ownDatasetRecord(ctx, datasetId);
  await assertTlpChangeAllowed(ctx, record, tlp);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('datasets')
      .set({ tlp, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', datasetId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'dataset.tlp',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'dataset',
      objectId: datasetId,
      details: { tlp, previous: record.tlp },
      origin: ctx.origin,
    });
  });
}

/** The API view of a dataset as the actor sees it. */
export function toDatasetDto(access: DatasetAccess): DatasetDto {
  const d = access.dataset;
  return {
    id: d.id,
    name: d.name,
    title: d.title,
    kind: d.kind,
    entityCount: Number(d.entity_count),
    via: access.via,
    purpose: access.purpose,
    sharedBy: access.sharedBy,
    tlp: d.tlp,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
  };
}
