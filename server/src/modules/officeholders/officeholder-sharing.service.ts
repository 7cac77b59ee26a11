import { forbidden, notFound } from '../../platform/errors.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import type { CreateGrantInput, GrantDto } from '../sharing/sharing.schema.js';
import type { SharingPurpose, Tlp } from '../sharing/sharing.table.js';
import {
  assertTlpChangeAllowed,
  createGrant,
  giveAccessReason,
  grantedAccess,
  listGrants,
  requireAccessReason,
  sharedRecordIds,
  type ShareableRecord,
} from '../sharing/sharing.service.js';
import { maskOfficeholderForGrant, officeholderParts } from './officeholder-parts.js';
import { toOfficeholderDto } from './officeholder-mapper.js';
import type { OfficeholderDto } from './officeholders.schema.js';
import * as repo from './officeholders.repository.js';

/** The own organisation's officeholder as a shareable record (grants cannot be passed on). */
async function ownRecord(ctx: RequestContext, officeholderId: string): Promise<ShareableRecord> {
  const row = await repo.findOfficeholder(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, officeholderId);
  if (!row || !can(ctx.actor, 'officeholders:read')) throw notFound('officeholder');
  return {
    type: 'officeholder',
    id: row.id,
    organisationId: row.organisation_id,
    tlp: row.tlp,
    parts: officeholderParts,
  };
}

/** Shares parts of an officeholder (kern, contact, woning) with another organisation or named people. */
export async function shareOfficeholder(
  ctx: RequestContext,
  officeholderId: string,
  input: CreateGrantInput,
): Promise<GrantDto> {
  return createGrant(ctx, await ownRecord(ctx, officeholderId), input);
}

/** The grants on an officeholder, for its own organisation. */
export async function listOfficeholderGrants(ctx: RequestContext, officeholderId: string): Promise<GrantDto[]> {
  return listGrants(ctx, await ownRecord(ctx, officeholderId));
}

/** Sets the TLP marking; RED is refused while organisation-wide grants are live. */
export async function setOfficeholderTlp(ctx: RequestContext, officeholderId: string, tlp: Tlp): Promise<void> {
  if (!can(ctx.actor, 'officeholders:manage')) throw forbidden();
  const record = await ownRecord(ctx, officeholderId);
  await assertTlpChangeAllowed(ctx, record, tlp);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('officeholders')
      .set({ tlp, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', officeholderId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'officeholder.tlp',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'officeholder',
      objectId: officeholderId,
      details: { tlp, previous: record.tlp },
      origin: ctx.origin,
    });
  });
}

/** The officeholder shared with the actor by live grants, or not found. */
async function loadShared(ctx: RequestContext, officeholderId: string) {
  const granted = await grantedAccess(ctx, 'officeholder', officeholderId);
  const [row] = granted ? await repo.findOfficeholdersByIds(ctx.db, ctx.config.encryptionKeys, [officeholderId]) : [];
  if (!granted || !row) throw notFound('officeholder');
  return { row, granted };
}

/** Records why the actor opens an officeholder: the own organisation's (as its role allows) or one shared by grant. */
export async function giveOfficeholderAccessReason(
  ctx: RequestContext,
  officeholderId: string,
  input: { purpose: SharingPurpose; note?: string | undefined },
): Promise<void> {
  const own = await repo.findOfficeholder(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, officeholderId);
  const isVisible = own && (can(ctx.actor, 'officeholders:read') || own.user_id === ctx.actor.userId);
  const organisationId = isVisible ? own.organisation_id : (await loadShared(ctx, officeholderId)).row.organisation_id;
  await giveAccessReason(ctx, { type: 'officeholder', id: officeholderId, organisationId }, input);
}

/**
 * Another organisation's officeholder, as far as live grants share it: asks the reason once per
 * session (428), masks every field outside the granted parts, and audits the read with the
 * purpose and the record's owner.
 */
export async function readSharedOfficeholder(ctx: RequestContext, officeholderId: string): Promise<OfficeholderDto> {
  const { row, granted } = await loadShared(ctx, officeholderId);
  const reason = await requireAccessReason(ctx, 'officeholder', officeholderId);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'officeholder.read',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'officeholder',
    objectId: officeholderId,
    purpose: reason.purpose,
    recordOwnerId: row.organisation_id,
    details: { via: 'grant', grantIds: granted.grantIds, parts: granted.parts },
    origin: ctx.origin,
  });
  const dto = maskOfficeholderForGrant(toOfficeholderDto(row), granted.parts);
  return {
    ...dto,
    access: {
      via: 'grant',
      parts: granted.parts,
      masked: dto.masked,
      purpose: reason.purpose,
      sharedBy: granted.sharedBy,
    },
  };
}

/** Officeholders shared with the actor right now, for lists: their core only. */
export async function sharedOfficeholdersForList(
  ctx: RequestContext,
  exceptIds: ReadonlySet<string>,
): Promise<OfficeholderDto[]> {
  const ids = (await sharedRecordIds(ctx, 'officeholder')).filter((id) => !exceptIds.has(id));
  const rows = await repo.findOfficeholdersByIds(ctx.db, ctx.config.encryptionKeys, ids);
  const names = new Map<string, string>();
  for (const orgId of new Set(rows.map((r) => r.organisation_id))) {
    names.set(orgId, (await getOrganisation(ctx, orgId)).name);
  }
  return rows.map((row) => {
    const dto = maskOfficeholderForGrant(toOfficeholderDto(row), ['kern']);
    const access = {
      via: 'grant' as const,
      parts: ['kern'],
      masked: dto.masked,
      purpose: null,
      sharedBy: names.get(row.organisation_id) ?? null,
    };
    return { ...dto, access };
  });
}
