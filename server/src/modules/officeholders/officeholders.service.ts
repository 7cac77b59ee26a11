import { invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { isUserOfOrganisation } from '../users/users.service.js';
import type { CreateOfficeholderInput, OfficeholderDto, UpdateOfficeholderInput } from './officeholders.schema.js';
import * as repo from './officeholders.repository.js';
import { toOfficeholderDto } from './officeholder-mapper.js';
import { readSharedOfficeholder, sharedOfficeholdersForList } from './officeholder-sharing.service.js';

const toDto = toOfficeholderDto;

// Fields of an officeholder only advisers (and the officeholder) may see; lists never carry
// the home address or family, a detail view only for those roles, and that read is audited.
const sensitiveFields = ['homeAddress', 'familyMembers', 'phone'] as const;

function masked(dto: OfficeholderDto, fields: readonly (typeof sensitiveFields)[number][]): OfficeholderDto {
  const copy = { ...dto, masked: [...fields] };
  for (const field of fields) copy[field] = null;
  return copy;
}

const maySeeSensitive = (ctx: RequestContext, row: repo.OfficeholderRow): boolean =>
  can(ctx.actor, 'officeholders:read_sensitive') || row.user_id === ctx.actor.userId;

/** Officeholders the actor may see: the whole organisation for advisers, only themselves for officeholders. */
export async function listOfficeholders(ctx: RequestContext, includeInactive: boolean): Promise<OfficeholderDto[]> {
  const mayReadAll = can(ctx.actor, 'officeholders:read');
  const rows = await repo.listOfficeholders(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, {
    includeInactive,
    ...(mayReadAll ? {} : { onlyUserId: ctx.actor.userId }),
  });
  // Officeholders shared by a live grant follow, with their core only.
  const shared = await sharedOfficeholdersForList(ctx, new Set(rows.map((r) => r.id)));
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'officeholder.list',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'officeholder',
    details: { count: rows.length + shared.length, shared: shared.length },
    origin: ctx.origin,
  });
  const own = rows.map((r) => {
    const dto = toDto(r, { count: r.incident_count, last: r.last_incident_at });
    return masked(dto, maySeeSensitive(ctx, r) ? ['homeAddress', 'familyMembers'] : sensitiveFields);
  });
  return [...own, ...shared];
}

/** One officeholder of the actor's organisation; another organisation's answers not found. The read is audited. */
export async function getOfficeholder(ctx: RequestContext, id: string): Promise<OfficeholderDto> {
  const row = await repo.findOfficeholder(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, id);
  const isOwn = row?.user_id === ctx.actor.userId;
  // Not visible through the own organisation: only a live grant can show it (masked to its parts).
  if (!row || (!can(ctx.actor, 'officeholders:read') && !isOwn)) return readSharedOfficeholder(ctx, id);
  const isRevealed = maySeeSensitive(ctx, row);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'officeholder.read',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'officeholder',
    objectId: id,
    details: { sensitiveFieldsShown: isRevealed },
    origin: ctx.origin,
  });
  return isRevealed ? toDto(row) : masked(toDto(row), sensitiveFields);
}

/** Resolves which officeholder an incident report is about; officeholders may only report about themselves. */
export async function officeholderForReport(ctx: RequestContext, requestedId: string | undefined): Promise<string> {
  const own = await repo.findOfficeholderOfUser(
    ctx.db,
    ctx.config.encryptionKeys,
    ctx.actor.organisationId,
    ctx.actor.userId,
  );
  if (!can(ctx.actor, 'incidents:read')) {
    if (!own || (requestedId !== undefined && requestedId !== own.id)) {
      throw invalid('officeholderId', 'you can only report incidents about yourself');
    }
    return own.id;
  }
  const id = requestedId ?? own?.id;
  if (!id) throw invalid('officeholderId', 'required');
  const row = await repo.findOfficeholder(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, id);
  if (!row) throw invalid('officeholderId', 'no such officeholder in your organisation');
  return row.id;
}

/** Ids of officeholders linked to an account (used to narrow an officeholder's own view). */
export async function officeholderIdOfUser(
  ctx: AppContext,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  return (await repo.findOfficeholderOfUser(ctx.db, ctx.config.encryptionKeys, organisationId, userId))?.id ?? null;
}

async function assertLinkableUser(ctx: RequestContext, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  if (!(await isUserOfOrganisation(ctx, userId, ctx.actor.organisationId))) {
    throw invalid('userId', 'no such active account in your organisation');
  }
}

/** Registers an officeholder in the actor's organisation. */
export async function createOfficeholder(
  ctx: RequestContext,
  input: CreateOfficeholderInput,
): Promise<OfficeholderDto> {
  await assertLinkableUser(ctx, input.userId);
  const now = ctx.clock.now().toISOString();
  const row: repo.OfficeholderRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    user_id: input.userId ?? null,
    full_name: input.fullName,
    office: input.office,
    tlp: 'AMBER',
    party: input.party ?? null,
    portfolio: input.portfolio ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    home_address: input.homeAddress ?? null,
    family_members: input.familyMembers ?? null,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertOfficeholder(trx, ctx.config.encryptionKeys, row);
    await audit(ctx, trx, 'officeholder.create', row.id, []);
  });
  return maySeeSensitive(ctx, row) ? toDto(row) : masked(toDto(row), sensitiveFields);
}

/** Changes an officeholder's details. */
export async function updateOfficeholder(
  ctx: RequestContext,
  id: string,
  input: UpdateOfficeholderInput,
): Promise<OfficeholderDto> {
  const existing = await repo.findOfficeholder(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, id);
  if (!existing) throw notFound('officeholder');
  await assertLinkableUser(ctx, input.userId);
  const patch = {
    ...(input.fullName !== undefined ? { full_name: input.fullName } : {}),
    ...(input.office !== undefined ? { office: input.office } : {}),
    ...(input.party !== undefined ? { party: input.party } : {}),
    ...(input.portfolio !== undefined ? { portfolio: input.portfolio } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.homeAddress !== undefined ? { home_address: input.homeAddress } : {}),
    ...(input.familyMembers !== undefined ? { family_members: input.familyMembers } : {}),
    ...(input.userId !== undefined ? { user_id: input.userId } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOfficeholder(trx, ctx.config.encryptionKeys, ctx.actor.organisationId, id, patch);
    await audit(ctx, trx, 'officeholder.update', id, Object.keys(input));
  });
  const updated = { ...existing, ...patch };
  return maySeeSensitive(ctx, updated) ? toDto(updated) : masked(toDto(updated), sensitiveFields);
}

function audit(
  ctx: RequestContext,
  trx: AppContext['db'],
  action: string,
  id: string,
  fields: string[],
): Promise<void> {
  return recordAudit(trx, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'officeholder',
    objectId: id,
    details: { fields },
    origin: ctx.origin,
  });
}
