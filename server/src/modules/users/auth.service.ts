import { AppError } from '../../platform/errors.js';
import { randomToken, sha256Hex } from '../../platform/ids.js';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/password.js';
import { enrolmentMaterial, matchTotp, newTotpSecret } from '../../platform/auth/totp.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { Origin } from '../../platform/access/actor.js';
import * as repo from './users.repository.js';

// One message for every login failure, so a response never tells whether an account exists.
const loginFailed = (): AppError =>
  new AppError(
    'unauthenticated',
    'Inloggen mislukt: e-mailadres of wachtwoord onjuist, of het account is tijdelijk geblokkeerd.',
  );
const mfaWindowMinutes = 10;

export type NextStep = 'totp' | 'totp_enrol';
export type IssuedSession = { token: string; csrfToken: string; next: NextStep | null };

/** Checks e-mail and password; on success opens a session that still needs the second factor. */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string },
  origin: Origin,
): Promise<IssuedSession> {
  const user = await repo.findUserByEmail(ctx.db, input.email.trim().toLowerCase());
  if (!user || user.active !== 1) {
    await burnPasswordCheck(input.password);
    await auditLogin(ctx, null, null, 'failure', origin, 'unknown_or_inactive');
    throw loginFailed();
  }
  const now = ctx.clock.now();
  const isLocked = user.locked_until !== null && user.locked_until > now.toISOString();
  const isValid = (await verifyPassword(user.password_hash, input.password)) && !isLocked;
  if (!isValid) {
    await registerFailure(ctx, user, origin, isLocked ? 'locked' : 'bad_password');
    throw loginFailed();
  }
  await repo.updateUser(ctx.db, user.id, { failed_logins: 0, locked_until: null });
  const issued = await openSession(ctx, user, 'mfa', origin);
  await auditLogin(ctx, user.id, user.organisation_id, 'success', origin, 'password_ok');
  return { ...issued, next: user.totp_secret ? 'totp' : 'totp_enrol' };
}

async function registerFailure(ctx: AppContext, user: repo.UserRow, origin: Origin, reason: string): Promise<void> {
  const failures = user.failed_logins + 1;
  const shouldLock = failures >= ctx.config.loginMaxFailures;
  const lockedUntil = shouldLock
    ? new Date(ctx.clock.now().getTime() + ctx.config.loginLockMinutes * 60_000).toISOString()
    : user.locked_until;
  await repo.updateUser(ctx.db, user.id, {
    failed_logins: shouldLock ? 0 : failures,
    locked_until: lockedUntil,
  });
  await auditLogin(ctx, user.id, user.organisation_id, 'failure', origin, shouldLock ? 'locked_now' : reason);
  // Each further failure answers more slowly (0.25 s, 0.5 s, 1 s, capped at 2 s).
  if (failures >= 2 && ctx.config.env !== 'test') {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 250 * 2 ** (failures - 2))));
  }
}

async function openSession(
  ctx: AppContext,
  user: repo.UserRow,
  stage: 'mfa' | 'active',
  origin: Origin,
): Promise<IssuedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = ctx.clock.now().toISOString();
  await repo.insertSession(ctx.db, {
    id: sha256Hex(token),
    user_id: user.id,
    organisation_id: user.organisation_id,
    stage,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    ip: origin.ip,
    user_agent: origin.userAgent,
  });
  return { token, csrfToken, next: null };
}

/** Starts TOTP enrolment for a session whose account has no second factor yet. */
export async function startTotpEnrolment(
  ctx: AppContext,
  session: repo.SessionRow,
): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const user = await requireSessionUser(ctx, session);
  if (user.totp_secret) throw new AppError('conflict', 'Tweestapsverificatie is al ingesteld');
  const secret = newTotpSecret();
  await repo.updateUser(ctx.db, user.id, { totp_pending_secret: secret });
  return { secret, ...(await enrolmentMaterial(secret, user.email)) };
}

/** Confirms enrolment with a first code; the session becomes fully signed in (new token). */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  session: repo.SessionRow,
  code: string,
  origin: Origin,
): Promise<IssuedSession> {
  const user = await requireSessionUser(ctx, session);
  if (user.totp_secret || !user.totp_pending_secret) {
    throw new AppError('conflict', 'Start eerst het instellen van tweestapsverificatie');
  }
  const step = matchTotp(user.totp_pending_secret, code, ctx.clock.now());
  if (step === null) throw invalidCode();
  await repo.updateUser(ctx.db, user.id, {
    totp_secret: user.totp_pending_secret,
    totp_pending_secret: null,
    totp_last_step: step,
    updated_at: ctx.clock.now().toISOString(),
  });
  await auditLogin(ctx, user.id, user.organisation_id, 'success', origin, 'totp_enrolled');
  return promote(ctx, session, user, origin);
}

/** Checks the second factor; refuses a replayed code; the session becomes fully signed in. */
export async function verifyTotp(
  ctx: AppContext,
  session: repo.SessionRow,
  code: string,
  origin: Origin,
): Promise<IssuedSession> {
  const user = await requireSessionUser(ctx, session);
  if (!user.totp_secret) throw new AppError('conflict', 'Stel eerst tweestapsverificatie in');
  const step = matchTotp(user.totp_secret, code, ctx.clock.now());
  if (step === null || (user.totp_last_step !== null && step <= Number(user.totp_last_step))) {
    await registerFailure(ctx, user, origin, 'bad_totp');
    throw invalidCode();
  }
  await repo.updateUser(ctx.db, user.id, { totp_last_step: step, failed_logins: 0 });
  await auditLogin(ctx, user.id, user.organisation_id, 'success', origin, 'totp_ok');
  return promote(ctx, session, user, origin);
}

async function promote(
  ctx: AppContext,
  session: repo.SessionRow,
  user: repo.UserRow,
  origin: Origin,
): Promise<IssuedSession> {
  // A new token at every privilege change defeats session fixation.
  await repo.deleteSession(ctx.db, session.id);
  return openSession(ctx, user, 'active', origin);
}

async function requireSessionUser(ctx: AppContext, session: repo.SessionRow): Promise<repo.UserRow> {
  const user = await repo.findUserById(ctx.db, session.user_id);
  if (!user || user.active !== 1) throw new AppError('unauthenticated', 'Log opnieuw in');
  if (user.locked_until !== null && user.locked_until > ctx.clock.now().toISOString()) throw loginFailed();
  return user;
}

const invalidCode = (): AppError =>
  new AppError('validation_failed', 'code: de code klopt niet of is al gebruikt', {
    issues: [{ path: 'code', message: 'de code klopt niet of is al gebruikt' }],
  });

/** Ends a session. */
export async function logout(ctx: AppContext, session: repo.SessionRow, origin: Origin): Promise<void> {
  await repo.deleteSession(ctx.db, session.id);
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'auth.logout',
    result: 'success',
    actorUserId: session.user_id,
    organisationId: session.organisation_id,
    origin,
  });
}

/** The live session for a cookie token, or null when unknown, idle too long or too old. */
export async function resolveSession(ctx: AppContext, token: string): Promise<repo.SessionRow | null> {
  const session = await repo.findSession(ctx.db, sha256Hex(token));
  if (!session) return null;
  const now = ctx.clock.now().getTime();
  const idleLimit = session.stage === 'mfa' ? mfaWindowMinutes : ctx.config.sessionIdleMinutes;
  const isIdle = now - Date.parse(session.last_seen_at) > idleLimit * 60_000;
  const isTooOld = now - Date.parse(session.created_at) > ctx.config.sessionAbsoluteHours * 3_600_000;
  if (isIdle || isTooOld) {
    await repo.deleteSession(ctx.db, session.id);
    return null;
  }
  // Writing on every request would serialise reads on SQLite; a minute of slack is harmless.
  if (now - Date.parse(session.last_seen_at) > 60_000) {
    await repo.touchSession(ctx.db, session.id, new Date(now).toISOString());
  }
  return session;
}

function auditLogin(
  ctx: AppContext,
  userId: string | null,
  organisationId: string | null,
  result: 'success' | 'failure',
  origin: Origin,
  step: string,
): Promise<void> {
  return recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'auth.login',
    result,
    actorUserId: userId,
    organisationId,
    details: { step },
    origin,
  });
}
