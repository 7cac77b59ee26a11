import { AppError, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Actor } from '../../platform/access/actor.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { displayNames, isUserOfOrganisation } from '../users/users.service.js';
import { grantProblem, tlpChangeProblem } from './sharing.policy.js';
import type { CreateGrantInput, GrantDto } from './sharing.schema.js';
import type { ShareableRecordType, SharingPurpose, Tlp } from './sharing.table.js';
import * as repo from './sharing.repository.js';

/** What the sharing module needs to know of a record; the owning module supplies it. */
export type ShareableRecord = {
  type: ShareableRecordType;
  id: string;
  organisationId: string;
  tlp: Tlp;
  parts: readonly string[];
};

const isLive = (g: repo.GrantRow, now: string): boolean => g.revoked_at === null && g.expires_at > now;
// A grant naming people applies to them only; an organisation-wide grant to the organisation's
// users whose role may read shared records (not, say, an officeholder account there).
const appliesTo = (g: repo.GrantWithUsers, actor: Actor): boolean =>
  g.grantee_organisation_id === actor.organisationId &&
  (g.userIds.length === 0 ? actor.permissions.has('shared:read') : g.userIds.includes(actor.userId));

async function validateGrant(ctx: RequestContext, record: ShareableRecord, input: CreateGrantInput): Promise<void> {
  const unknownPart = input.parts.find((p) => !record.parts.includes(p));
  if (unknownPart) throw invalid('parts', `unknown part "${unknownPart}"; choose from ${record.parts.join(', ')}`);
  const expires = new Date(input.expiresAt).getTime();
  if (expires <= ctx.clock.now().getTime()) throw invalid('expiresAt', 'must lie in the future');
  if (expires > ctx.clock.now().getTime() + 366 * 86_400_000) {
    throw invalid('expiresAt', 'at most one year ahead; renew the grant when it is still needed');
  }
  await getOrganisation(ctx, input.granteeOrganisationId).catch(() => {
    throw invalid('granteeOrganisationId', 'no such organisation');
  });
  const isInternal = input.granteeOrganisationId === record.organisationId;
  if (isInternal && input.namedUserIds.length === 0) {
    throw invalid('namedUserIds', 'sharing inside the own organisation names the people');
  }
  for (const [i, userId] of input.namedUserIds.entries()) {
    if (!(await isUserOfOrganisation(ctx, userId, input.granteeOrganisationId))) {
      throw invalid(`namedUserIds.${i}`, 'not an active account of the receiving organisation');
    }
  }
  const problem = grantProblem(record.tlp, { namedUserIds: input.namedUserIds });
  if (problem) throw invalid('namedUserIds', problem);
}

/** Shares (part of) a record with an organisation or named people, for a purpose, on a legal basis, until a date. */
export async function createGrant(
  ctx: RequestContext,
  record: ShareableRecord,
  input: CreateGrantInput,
): Promise<GrantDto> {
  await validateGrant(ctx, record, input);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertGrant(
      trx,
      {
        id,
        organisation_id: record.organisationId,
        record_type: record.type,
        record_id: record.id,
        grantee_organisation_id: input.granteeOrganisationId,
        purpose: input.purpose,
        legal_basis: input.legalBasis,
        parts: JSON.stringify([...new Set(['kern', ...input.parts])].filter((p) => record.parts.includes(p))),
        expires_at: new Date(input.expiresAt).toISOString(),
        created_by_user_id: ctx.actor.userId,
        created_at: now,
        revoked_at: null,
        revoked_by_user_id: null,
      },
      [...new Set(input.namedUserIds)],
    );
    await audit(ctx, trx, 'grant.create', record, {
      grantId: id,
      grantee: input.granteeOrganisationId,
      purpose: input.purpose,
      parts: input.parts,
    });
  });
  const created = (await listGrants(ctx, record)).find((g) => g.id === id);
  if (!created) throw new AppError('internal', 'grant was not stored');
  return created;
}

/** The grants on a record, for its owner organisation. */
export async function listGrants(ctx: RequestContext, record: ShareableRecord): Promise<GrantDto[]> {
  const rows = await repo.listGrantsOfRecord(ctx.db, record.organisationId, record.type, record.id);
  const names = await displayNames(ctx, [...rows.flatMap((r) => r.userIds), ...rows.map((r) => r.created_by_user_id)]);
  const orgNames = new Map<string, string>();
  for (const r of rows) {
    if (!orgNames.has(r.grantee_organisation_id)) {
      orgNames.set(r.grantee_organisation_id, (await getOrganisation(ctx, r.grantee_organisation_id)).name);
    }
  }
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => ({
    id: r.id,
    recordType: r.record_type,
    recordId: r.record_id,
    grantee: { id: r.grantee_organisation_id, name: orgNames.get(r.grantee_organisation_id) ?? '—' },
    namedUsers: r.userIds.map((u) => ({ id: u, displayName: names.get(u) ?? '—' })),
    purpose: r.purpose,
    legalBasis: r.legal_basis,
    parts: JSON.parse(r.parts) as string[],
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    createdBy: names.get(r.created_by_user_id) ?? '—',
    revokedAt: r.revoked_at,
    status: r.revoked_at ? 'revoked' : isLive(r, now) ? 'active' : 'expired',
  }));
}

/**
 * Revokes a grant of the actor's organisation; it stops working at once. `recordTypes` limits
 * which kinds of record the caller may end grants for: each module guards its own records'
 * grants with its own rules, so a generic route must not reach another module's grants.
 */
export async function revokeGrant(
  ctx: RequestContext,
  grantId: string,
  options: { recordTypes?: readonly ShareableRecordType[] } = {},
): Promise<void> {
  const grant = await repo.findGrant(ctx.db, grantId);
  const isOwn = grant?.organisation_id === ctx.actor.organisationId;
  const isAllowedType =
    !options.recordTypes || (grant !== undefined && options.recordTypes.includes(grant.record_type));
  if (!grant || !isOwn || !isAllowedType) throw notFound('grant');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeGrant(trx, grantId, ctx.actor.userId, ctx.clock.now().toISOString());
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'grant.revoke',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: grant.record_type,
      objectId: grant.record_id,
      details: { grantId },
      origin: ctx.origin,
    });
  });
}

export type GrantedAccess = { parts: string[]; purposes: SharingPurpose[]; grantIds: string[]; sharedBy: string };

/** The live grants that let the actor see one record, merged; null when none does. */
export async function grantedAccess(
  ctx: RequestContext,
  recordType: ShareableRecordType,
  recordId: string,
): Promise<GrantedAccess | null> {
  const now = ctx.clock.now().toISOString();
  const grants = (await repo.liveGrantsTo(ctx.db, ctx.actor.organisationId, recordType, now, recordId)).filter((g) =>
    appliesTo(g, ctx.actor),
  );
  const first = grants[0];
  if (!first) return null;
  return {
    parts: [...new Set(grants.flatMap((g) => JSON.parse(g.parts) as string[]))],
    purposes: [...new Set(grants.map((g) => g.purpose))],
    grantIds: grants.map((g) => g.id),
    sharedBy: (await getOrganisation(ctx, first.organisation_id)).name,
  };
}

/** Ids of records of a type shared with the actor right now (for lists). */
export async function sharedRecordIds(ctx: RequestContext, recordType: ShareableRecordType): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const grants = await repo.liveGrantsTo(ctx.db, ctx.actor.organisationId, recordType, now);
  return [...new Set(grants.filter((g) => appliesTo(g, ctx.actor)).map((g) => g.record_id))];
}

/** Refuses a change of marking that live grants would contradict. */
export async function assertTlpChangeAllowed(ctx: RequestContext, record: ShareableRecord, next: Tlp): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const live = (await repo.listGrantsOfRecord(ctx.db, record.organisationId, record.type, record.id)).filter((g) =>
    isLive(g, now),
  );
  const problem = tlpChangeProblem(next, live);
  if (problem) throw new AppError('conflict', problem);
}

/** The reason the actor gave for this record in this session, or a 428 asking for one. */
export async function requireAccessReason(
  ctx: RequestContext,
  recordType: ShareableRecordType,
  recordId: string,
): Promise<{ purpose: SharingPurpose; note: string | null }> {
  const reason = await repo.findAccessReason(ctx.db, ctx.actor.credentialId, recordType, recordId);
  if (!reason) {
    throw new AppError(
      'reason_required',
      'Geef eerst aan waarom u dit dossier opent / State why you open this record',
      {
        issues: [{ path: 'purpose', message: 'required before opening this record' }],
      },
    );
  }
  return { purpose: reason.purpose, note: reason.note };
}

/** Keeps the reason for opening a record; the caller has checked the actor may see it. */
export async function giveAccessReason(
  ctx: RequestContext,
  record: { type: ShareableRecordType; id: string; organisationId: string },
  input: { purpose: SharingPurpose; note?: string | undefined },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertAccessReason(trx, {
      id: newId(),
      credential_id: ctx.actor.credentialId,
      user_id: ctx.actor.userId,
      organisation_id: ctx.actor.organisationId,
      record_type: record.type,
      record_id: record.id,
      purpose: input.purpose,
      note: input.note ?? null,
      created_at: ctx.clock.now().toISOString(),
    });
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'access.reason',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: record.type,
      objectId: record.id,
      recordOwnerId: record.organisationId,
      purpose: input.purpose,
      origin: ctx.origin,
    });
  });
}

function audit(
  ctx: RequestContext,
  trx: AppContext['db'],
  action: string,
  record: ShareableRecord,
  details: Record<string, unknown>,
) {
  return recordAudit(trx, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: record.type,
    objectId: record.id,
    details,
    origin: ctx.origin,
  });
}
