import { forbidden, notFound } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { can } from '../../platform/access/actor.js';
import type { RequestContext } from '../../platform/context.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import type { CreateGrantInput, GrantDto } from '../sharing/sharing.schema.js';
import {
  assertTlpChangeAllowed,
  createGrant,
  grantedAccess,
  giveAccessReason,
  requireAccessReason,
  listGrants,
  revokeGrant,
  sharedRecordIds,
  type ShareableRecord,
} from '../sharing/sharing.service.js';
import type { SharingPurpose, Tlp } from '../sharing/sharing.table.js';
import { latestDecisionsOf } from './poi-duplicates.repository.js';
import type { PoiDto, PoiListItem } from './pois.schema.js';
import * as repo from './pois.repository.js';

/**
 * The parts of a person of interest a grant can share: `kern` (names, birth date, online
 * handles) comes with every grant; `adres` (addresses) and `notities` (notes) only when named.
 */
export const poiParts = ['kern', 'adres', 'notities'] as const;

/** A person of interest the actor may see: the own organisation's, or another's through live grants. */
export type VisiblePoi = {
  row: repo.PoiRow;
  /** Null for the own organisation's; the granted parts otherwise. */
  parts: string[] | null;
  organisation: { id: string; name: string };
  purpose: SharingPurpose | null;
  grantIds: string[];
};

/** The own organisation's POI as a shareable record (grants cannot be passed on). */
async function ownRecord(ctx: RequestContext, poiId: string): Promise<ShareableRecord> {
  const row = await repo.findPoi(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, poiId);
  if (!row) {
    if (await grantedAccess(ctx, 'poi', poiId))
      throw forbidden('only the owner organisation shares a person of interest');
    throw notFound('person of interest');
  }
  return { type: 'poi', id: row.id, organisationId: row.organisation_id, tlp: row.tlp, parts: poiParts };
}

/** Shares parts of a person of interest with another organisation (or named people) for a purpose until a date. */
export async function sharePoi(ctx: RequestContext, poiId: string, input: CreateGrantInput): Promise<GrantDto> {
  return createGrant(ctx, await ownRecord(ctx, poiId), input);
}

/** The grants on a person of interest, for its own organisation. */
export async function listPoiGrants(ctx: RequestContext, poiId: string): Promise<GrantDto[]> {
  return listGrants(ctx, await ownRecord(ctx, poiId));
}

/** Revokes one grant on a person of interest; access through it ends at once. */
export async function revokePoiGrant(ctx: RequestContext, poiId: string, grantId: string): Promise<void> {
  const grants = await listGrants(ctx, await ownRecord(ctx, poiId));
  if (!grants.some((g) => g.id === grantId)) throw notFound('grant');
  await revokeGrant(ctx, grantId);
}

/** Sets the TLP marking of an own person of interest; RED is refused while organisation-wide grants are live (audited). */
export async function setPoiTlp(ctx: RequestContext, poiId: string, tlp: Tlp): Promise<void> {
  if (!can(ctx.actor, 'pois:manage')) throw forbidden();
  const record = await ownRecord(ctx, poiId);
  await assertTlpChangeAllowed(ctx, record, tlp);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pois')
      .set({ tlp, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', poiId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'poi.tlp',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'poi',
      objectId: poiId,
      details: { tlp, previous: record.tlp },
      origin: ctx.origin,
    });
  });
}

/** A POI of another organisation shared with the actor by live grants, or null. */
export async function sharedPoi(ctx: RequestContext, poiId: string): Promise<VisiblePoi | null> {
  const granted = await grantedAccess(ctx, 'poi', poiId);
  if (!granted) return null;
  const [row] = await repo.findPoisByIds(ctx.db, ctx.config.encryptionKeys, [poiId]);
  if (!row || row.organisation_id === ctx.actor.organisationId) return null;
  return {
    row,
    parts: granted.parts,
    organisation: { id: row.organisation_id, name: granted.sharedBy },
    purpose: granted.purposes[0] ?? null,
    grantIds: granted.grantIds,
  };
}

/** The own organisation's POI or one shared with the actor; not found otherwise. */
export async function requireVisiblePoi(ctx: RequestContext, poiId: string): Promise<VisiblePoi> {
  const own = await repo.findPoi(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, poiId);
  if (own) {
    const name = (await getOrganisation(ctx, own.organisation_id)).name;
    return { row: own, parts: null, organisation: { id: own.organisation_id, name }, purpose: null, grantIds: [] };
  }
  const shared = await sharedPoi(ctx, poiId);
  if (!shared) throw notFound('person of interest');
  return shared;
}

/** Every POI of other organisations shared with the actor right now, with the granted parts. */
export async function sharedPois(ctx: RequestContext): Promise<VisiblePoi[]> {
  const result: VisiblePoi[] = [];
  for (const id of await sharedRecordIds(ctx, 'poi')) {
    const shared = await sharedPoi(ctx, id);
    if (shared) result.push(shared);
  }
  return result;
}

/** Blanks what the granted parts do not cover; the addresses and notes of a shared POI are its owner's to give. */
export function maskedRow(poi: VisiblePoi): { row: repo.PoiRow; masked: string[] } {
  if (!poi.parts) return { row: poi.row, masked: [] };
  const masked: string[] = [];
  const row = { ...poi.row };
  if (!poi.parts.includes('adres')) {
    row.addresses = '[]';
    masked.push('addresses');
  }
  if (!poi.parts.includes('notities')) {
    row.notes = '';
    masked.push('notes');
  }
  return { row, masked };
}

/**
 * Another organisation's POI as far as live grants share it: read-only, masked to the granted
 * parts, without the owner's incident links and groups, audited with the grant's purpose and owner.
 */
export async function readSharedPoi(ctx: RequestContext, poiId: string): Promise<PoiDto> {
  const shared = await sharedPoi(ctx, poiId);
  if (!shared) throw notFound('person of interest');
  // A perpetrator's record shared by another organisation: the reader says why, once a session.
  const reason = await requireAccessReason(ctx, 'poi', poiId);
  const { row, masked } = maskedRow(shared);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'poi.read',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'poi',
    objectId: poiId,
    purpose: reason.purpose,
    recordOwnerId: row.organisation_id,
    details: { via: 'grant', grantIds: shared.grantIds, parts: shared.parts },
    origin: ctx.origin,
  });
  const decided = await latestDecisionsOf(ctx.db, ctx.actor.organisationId, poiId);
  return {
    id: row.id,
    displayName: row.display_name,
    names: JSON.parse(row.names) as string[],
    birthDate: row.birth_date,
    addresses: JSON.parse(row.addresses) as PoiDto['addresses'],
    onlineHandles: JSON.parse(row.online_handles) as PoiDto['onlineHandles'],
    notes: row.notes,
    incidents: [],
    groupIds: [],
    sameAs: [...decided]
      .filter(([, d]) => d === 'same')
      .map(([id]) => id)
      .sort(),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tlp: row.tlp,
    access: {
      via: 'grant',
      parts: shared.parts ?? [],
      masked,
      purpose: reason.purpose,
      sharedBy: shared.organisation.name,
    },
  };
}

/** The POIs shared with the actor, for lists, optionally searched by name; marked with `sharedBy`. */
export async function sharedPoisForList(ctx: RequestContext, text?: string): Promise<PoiListItem[]> {
  const needle = text?.toLowerCase();
  return (await sharedPois(ctx))
    .filter(
      ({ row }) =>
        !needle ||
        [row.display_name, ...(JSON.parse(row.names) as string[])].some((n) => n.toLowerCase().includes(needle)),
    )
    .map(({ row, organisation }) => ({
      id: row.id,
      displayName: row.display_name,
      birthDate: row.birth_date,
      incidentCount: 0,
      sharedBy: organisation.name,
      tlp: row.tlp,
    }));
}

/** Records why the actor opens a person of interest shared with its organisation. */
export async function givePoiAccessReason(
  ctx: RequestContext,
  poiId: string,
  input: { purpose: SharingPurpose; note?: string | undefined },
): Promise<void> {
  const shared = await sharedPoi(ctx, poiId);
  if (!shared) throw notFound('person of interest');
  await giveAccessReason(ctx, { type: 'poi', id: poiId, organisationId: shared.row.organisation_id }, input);
}
