import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId, randomToken, sha256Hex } from '../../platform/ids.js';
import { hashPassword, passwordProblem } from '../../platform/auth/password.js';
import { enrolmentMaterial, newTotpSecret } from '../../platform/auth/totp.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { API_TOKEN_PREFIX } from '../../platform/auth/api-token.js';
import { permissionsOf, roles as allRoles, type Role } from '../../platform/access/roles.js';
import { can, type Actor } from '../../platform/access/actor.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import type { CreateUserInput, UpdateUserInput, UserDto } from './users.schema.js';
import * as repo from './users.repository.js';

export function parseRoles(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is Role => allRoles.includes(r as Role)) : [];
}

function toDto(row: repo.UserRow, now: Date): UserDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    displayName: row.display_name,
    roles: parseRoles(row.roles),
    locale: row.locale === 'en' ? 'en' : 'nl',
    active: row.active === 1,
    mfaEnrolled: row.totp_secret !== null,
    locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    createdAt: row.created_at,
  };
}

/** Organisation administrators work inside their own organisation and cannot hand out platform rights. */
function assertMayManage(actor: Actor | undefined, organisationId: string, newRoles: readonly Role[]): void {
  if (!actor) return; // CLI and seed run as the operator
  const isPlatformAdmin = actor.roles.includes('platform_admin');
  if (!isPlatformAdmin && actor.organisationId !== organisationId) throw notFound('user');
  if (!isPlatformAdmin && newRoles.includes('platform_admin')) {
    throw forbidden('org admin tried to grant platform_admin');
  }
}

/** Creates an account; it must enrol TOTP at its first login. */
export async function createUser(
  ctx: AppContext & Partial<Pick<RequestContext, 'actor' | 'origin'>>,
  input: CreateUserInput,
): Promise<UserDto> {
  assertMayManage(ctx.actor, input.organisationId, input.roles);
  const organisation = await getOrganisation(ctx, input.organisationId).catch(() => null);
  if (!organisation) throw invalid('organisationId', 'no such organisation');
  const problem = passwordProblem(input.password);
  if (problem) throw invalid('password', problem);
  if (await repo.findUserByEmail(ctx.db, input.email)) throw conflict('an account with this e-mail address exists');
  const now = ctx.clock.now().toISOString();
  const row: repo.UserRow = {
    id: newId(),
    organisation_id: input.organisationId,
    email: input.email,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    roles: JSON.stringify([...new Set(input.roles)]),
    locale: input.locale,
    totp_secret: null,
    totp_pending_secret: null,
    totp_last_step: null,
    failed_logins: 0,
    locked_until: null,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, row);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'user.create',
      result: 'success',
      actorUserId: ctx.actor?.userId ?? null,
      organisationId: input.organisationId,
      objectType: 'user',
      objectId: row.id,
      details: { roles: input.roles },
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  });
  return toDto(row, ctx.clock.now());
}

/** Users the actor may manage: all for platform administrators, else the own organisation. */
export async function listUsers(
  ctx: RequestContext,
  query: { organisationId?: string | undefined; page: number; pageSize: number },
): Promise<{ items: UserDto[]; total: number; page: number; pageSize: number }> {
  const isPlatformAdmin = ctx.actor.roles.includes('platform_admin');
  const organisationId = isPlatformAdmin ? query.organisationId : ctx.actor.organisationId;
  const { rows, total } = await repo.listUsers(ctx.db, {
    ...(organisationId ? { organisationId } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const now = ctx.clock.now();
  return { items: rows.map((r) => toDto(r, now)), total, page: query.page, pageSize: query.pageSize };
}

/** Changes roles, name, language or status; can reset the second factor or unlock the account. */
export async function updateUser(ctx: RequestContext, userId: string, input: UpdateUserInput): Promise<UserDto> {
  const existing = await repo.findUserById(ctx.db, userId);
  if (!existing) throw notFound('user');
  assertMayManage(ctx.actor, existing.organisation_id, input.roles ?? []);
  if (userId === ctx.actor.userId && (input.active === false || input.roles)) {
    throw new AppError('conflict', 'You cannot change your own roles or deactivate yourself');
  }
  const patch = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.roles ? { roles: JSON.stringify([...new Set(input.roles)]) } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.resetMfa ? { totp_secret: null, totp_pending_secret: null, totp_last_step: null } : {}),
    ...(input.unlock ? { locked_until: null, failed_logins: 0 } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateUser(trx, userId, patch);
    if (input.active === false || input.resetMfa || input.roles) await repo.deleteSessionsOfUser(trx, userId);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'user.update',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: existing.organisation_id,
      objectType: 'user',
      objectId: userId,
      details: { fields: Object.keys(input) },
      origin: ctx.origin,
    });
  });
  return toDto({ ...existing, ...patch }, ctx.clock.now());
}

/** The signed-in user's own profile. */
export async function getOwnProfile(ctx: RequestContext): Promise<UserDto> {
  const row = await repo.findUserById(ctx.db, ctx.actor.userId);
  if (!row) throw notFound('user');
  return toDto(row, ctx.clock.now());
}

/** Builds the actor for a user row, or null when the account may not act. */
export function actorFor(row: repo.UserRow, via: Actor['via'], credentialId: string): Actor | null {
  if (row.active !== 1) return null;
  const userRoles = parseRoles(row.roles);
  return {
    userId: row.id,
    organisationId: row.organisation_id,
    roles: userRoles,
    permissions: permissionsOf(userRoles),
    via,
    credentialId,
  };
}

/** Loads the actor behind a session's user. */
export async function actorForUserId(
  ctx: AppContext,
  userId: string,
  via: Actor['via'],
  credentialId: string,
): Promise<Actor | null> {
  const row = await repo.findUserById(ctx.db, userId);
  return row ? actorFor(row, via, credentialId) : null;
}

/** Issues an API token for the actor; the secret is returned once and stored hashed. */
export async function createApiToken(
  ctx: RequestContext,
  input: { name: string; expiresInDays: number },
): Promise<{ token: string; id: string; expiresAt: string }> {
  if (!can(ctx.actor, 'tokens:manage_own') || ctx.actor.via !== 'session') throw forbidden();
  const token = API_TOKEN_PREFIX + randomToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString();
  const id = newId();
  await repo.insertApiToken(ctx.db, {
    id,
    user_id: ctx.actor.userId,
    organisation_id: ctx.actor.organisationId,
    name: input.name,
    token_hash: sha256Hex(token),
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_used_at: null,
    revoked_at: null,
  });
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'api_token.create',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'api_token',
    objectId: id,
    origin: ctx.origin,
  });
  return { token, id, expiresAt };
}

/** The actor's own tokens (never the secret). */
export async function listApiTokens(ctx: RequestContext): Promise<repo.ApiTokenRow[]> {
  return repo.listApiTokensOfUser(ctx.db, ctx.actor.userId);
}

/** Revokes one of the actor's own tokens; takes effect at once. */
export async function revokeApiToken(ctx: RequestContext, tokenId: string): Promise<void> {
  const own = (await repo.listApiTokensOfUser(ctx.db, ctx.actor.userId)).find((t) => t.id === tokenId);
  if (!own) throw notFound('token');
  await repo.updateApiToken(ctx.db, tokenId, { revoked_at: ctx.clock.now().toISOString() });
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'api_token.revoke',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'api_token',
    objectId: tokenId,
    origin: ctx.origin,
  });
}

/** True when `userId` is an active account of `organisationId`. */
export async function isUserOfOrganisation(ctx: AppContext, userId: string, organisationId: string): Promise<boolean> {
  const row = await repo.findUserById(ctx.db, userId);
  return row !== undefined && row.organisation_id === organisationId && row.active === 1;
}

/** Display names for a set of user ids (for timelines); unknown ids are left out. */
export async function displayNames(ctx: AppContext, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Sets up TOTP for an account directly (CLI provisioning); returns the secret to hand over once. */
export async function enrolTotpForUser(ctx: AppContext, userId: string): Promise<{ secret: string; uri: string }> {
  const user = await repo.findUserById(ctx.db, userId);
  if (!user) throw notFound('user');
  const secret = newTotpSecret();
  await repo.updateUser(ctx.db, userId, { totp_secret: secret, totp_pending_secret: null, totp_last_step: null });
  const { uri } = await enrolmentMaterial(secret, user.email);
  return { secret, uri };
}

/** Active accounts of an organisation holding a role (for notifying, say, the support team). */
export async function activeUserIdsWithRole(ctx: AppContext, organisationId: string, role: Role): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', 1)
    .execute();
  return rows.filter((r) => parseRoles(r.roles).includes(role)).map((r) => r.id);
}
