import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOfficeholder, officeholderIdOfUser } from '../officeholders/officeholders.service.js';
import { getOrganisation, listActiveOrganisationsOfType } from '../organisations/organisations.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { activeUserIdsWithRole } from '../users/users.service.js';
import { grantedAccess, sharedRecordIds } from '../sharing/sharing.service.js';
import { displayNames } from '../users/users.service.js';
import { supportAccess, type SupportAccess, mayHandle, mayShare } from './support.policy.js';
import type { CreateSupportRequestInput, SupportRequestDto, SupportRequestListItem } from './support.schema.js';
import * as repo from './support.repository.js';

/** Audits a read or change of a support request as the actor (never its content). */
export function auditSupport(
  ctx: RequestContext,
  db: AppContext['db'],
  action: string,
  requestId: string | undefined,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'support_request',
    ...(requestId ? { objectId: requestId } : {}),
    details,
    origin: ctx.origin,
  });
}

/** A request the actor is party to, with how; anyone else gets not found, never a hint. */
export async function requireRequest(
  ctx: RequestContext,
  id: string,
): Promise<{ row: repo.SupportRequestRow; access: SupportAccess }> {
  const row = await repo.findRequestForAccessCheck(ctx.db, ctx.config.encryptionKeys, id);
  if (!row) throw notFound('support request');
  const ownOfficeholderId =
    row.organisation_id === ctx.actor.organisationId
      ? await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId)
      : null;
  const granted = await grantedAccess(ctx, 'support_request', row.id);
  const access = supportAccess(ctx.actor, row, { ownOfficeholderId, grantedParts: granted?.parts ?? null });
  if (!access) throw notFound('support request');
  return { row, access };
}

/** The request as this reader may see it: the conversation only with the `notities` part. */
export async function toRequestDto(
  ctx: RequestContext,
  row: repo.SupportRequestRow,
  access: SupportAccess,
): Promise<SupportRequestDto> {
  const notes = access.parts.includes('notities')
    ? await repo.notesOf(ctx.db, ctx.config.encryptionKeys, row.id)
    : null;
  const names = await displayNames(
    ctx,
    (notes ?? []).map((n) => n.author_user_id),
  );
  const supportOrganisation = await getOrganisation(ctx, row.support_organisation_id);
  return {
    id: row.id,
    organisationId: row.organisation_id,
    supportOrganisation: { id: supportOrganisation.id, name: supportOrganisation.name },
    officeholderId: row.officeholder_id,
    requesterUserId: row.requester_user_id,
    kind: row.kind,
    forWhom: row.for_whom,
    summary: row.summary,
    details: row.details,
    status: row.status,
    statusReason: row.status_reason,
    version: row.version,
    access: { via: access.via, parts: access.parts, canHandle: mayHandle(access), canShare: mayShare(access) },
    notes:
      notes?.map((n) => ({
        id: n.id,
        authorRole: n.author_role,
        authorName: names.get(n.author_user_id) ?? '—',
        body: n.body,
        createdAt: n.created_at,
      })) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/** The active support organisations (type ondersteuningsteam) a request can go to. */
export async function listSupportOrganisations(ctx: RequestContext): Promise<{ id: string; name: string }[]> {
  return (await listActiveOrganisationsOfType(ctx, 'ondersteuningsteam')).map((o) => ({ id: o.id, name: o.name }));
}

async function supportOrganisationFor(ctx: RequestContext, requested: string | undefined): Promise<string> {
  const options = await listSupportOrganisations(ctx);
  if (requested) {
    if (!options.some((o) => o.id === requested))
      throw invalid('supportOrganisationId', 'no such active support organisation');
    return requested;
  }
  const [only, ...others] = options;
  if (!only || others.length > 0)
    throw invalid(
      'supportOrganisationId',
      options.length === 0 ? 'no support organisation is registered' : 'choose one',
    );
  return only.id;
}

// Officeholders ask for themselves; an adviser (who may read officeholders) asks on someone's behalf.
async function officeholderFor(ctx: RequestContext, requested: string | undefined): Promise<string> {
  const own = await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId);
  if (!can(ctx.actor, 'officeholders:read')) {
    if (!own || (requested !== undefined && requested !== own))
      throw invalid('officeholderId', 'you can only ask for support for yourself');
    return own;
  }
  const id = requested ?? own;
  if (!id) throw invalid('officeholderId', 'required');
  await getOfficeholder(ctx, id).catch(() => {
    throw invalid('officeholderId', 'no such officeholder in your organisation');
  });
  return id;
}

/** Files a confidential support request with the support organisation. */
export async function createSupportRequest(
  ctx: RequestContext,
  input: CreateSupportRequestInput,
): Promise<SupportRequestDto> {
  const officeholderId = await officeholderFor(ctx, input.officeholderId);
  const supportOrganisationId = await supportOrganisationFor(ctx, input.supportOrganisationId);
  const now = ctx.clock.now().toISOString();
  const row: repo.SupportRequestRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    support_organisation_id: supportOrganisationId,
    requester_user_id: ctx.actor.userId,
    officeholder_id: officeholderId,
    kind: input.kind,
    for_whom: input.forWhom,
    summary: input.summary,
    details: input.details,
    status: 'ingediend',
    status_reason: null,
    version: 1,
    created_at: now,
    updated_at: now,
    closed_at: null,
  };
  const team = await activeUserIdsWithRole(ctx, supportOrganisationId, 'support_team');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, ctx.config.encryptionKeys, row);
    await auditSupport(ctx, trx, 'support_request.create', row.id, { kind: row.kind, forWhom: row.for_whom });
    // The support team hears of it at once; the title says nothing of the content.
    await notifyUsers(
      { ...ctx, db: trx },
      {
        organisationId: supportOrganisationId,
        userIds: team,
        kind: 'support_request.new',
        title_nl: 'Nieuwe vertrouwelijke hulpvraag',
        title_en: 'New confidential support request',
        subjectType: 'support_request',
        subjectId: row.id,
      },
    );
  });
  return toRequestDto(ctx, row, { via: 'requester', parts: ['kern', 'notities'] });
}

/** One request the actor is party to; every read is audited. */
export async function getSupportRequest(ctx: RequestContext, id: string): Promise<SupportRequestDto> {
  const { row, access } = await requireRequest(ctx, id);
  await auditSupport(ctx, ctx.db, 'support_request.read', id, { via: access.via });
  return toRequestDto(ctx, row, access);
}

/** The requests the actor filed, is the subject of, handles, or was named in; the list is audited. */
export async function listSupportRequests(ctx: RequestContext): Promise<SupportRequestListItem[]> {
  const ownOfficeholderId = await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId);
  const rows = await repo.listVisibleRequests(ctx.db, ctx.config.encryptionKeys, {
    organisationId: ctx.actor.organisationId,
    userId: ctx.actor.userId,
    ownOfficeholderId,
    supportOrganisationId: can(ctx.actor, 'support:handle') ? ctx.actor.organisationId : null,
    grantedIds: await sharedRecordIds(ctx, 'support_request'),
  });
  const items: SupportRequestListItem[] = [];
  for (const row of rows) {
    const granted = await grantedAccess(ctx, 'support_request', row.id);
    const access = supportAccess(ctx.actor, row, { ownOfficeholderId, grantedParts: granted?.parts ?? null });
    if (!access) continue;
    items.push({
      id: row.id,
      kind: row.kind,
      forWhom: row.for_whom,
      summary: row.summary,
      status: row.status,
      officeholderId: row.officeholder_id,
      createdAt: row.created_at,
      via: access.via,
    });
  }
  await auditSupport(ctx, ctx.db, 'support_request.list', undefined, { count: items.length });
  return items;
}

/** The conflict answer for a request that changed meanwhile. */
export const staleRequest = (): AppError =>
  new AppError('conflict', 'Someone else changed this request; reload and try again', {
    issues: [{ path: 'version', message: 'stale' }],
  });
