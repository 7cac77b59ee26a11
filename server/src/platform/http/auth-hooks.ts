import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { AppContext } from '../context.js';
import { actorForUserId } from '../../modules/users/users.service.js';
import { actorForApiToken } from '../auth/api-token.js';
import { resolveSession } from '../../modules/users/auth.service.js';
import { originOf } from './request-context.js';
import type { RouteAccess } from './types.js';

export const sessionCookie = 'weerbaar_session';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the bearer token or session cookie and sets `req.actor` / `req.session`. */
export async function identify(app: AppContext, req: FastifyRequest): Promise<void> {
  req.actor = null;
  req.session = null;
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization);
    const actor = match?.[2] ? await actorForApiToken(app, match[2]) : null;
    if (!actor) throw new AppError('unauthenticated', 'Invalid or expired API token');
    req.actor = actor;
    return;
  }
  const cookie = req.cookies[sessionCookie];
  const unsigned = cookie ? req.unsignCookie(cookie) : null;
  if (!unsigned?.valid || !unsigned.value) return;
  const session = await resolveSession(app, unsigned.value);
  if (!session) return;
  req.session = session;
  if (session.stage === 'active') req.actor = await actorForUserId(app, session.user_id, 'session', session.id);
}

/** Enforces the route's declared access and, for cookie sessions, the CSRF header on changes. */
export async function authorise(app: AppContext, req: FastifyRequest, access: RouteAccess): Promise<void> {
  if (access === 'public') return;
  if (req.session && unsafeMethods.has(req.method)) {
    const header = req.headers['x-csrf-token'];
    if (header !== req.session.csrf_token) throw new AppError('forbidden', 'Missing or wrong CSRF token');
  }
  if (access === 'mfa_pending') {
    if (!req.session || req.session.stage !== 'mfa')
      throw new AppError('unauthenticated', 'Log in with your password first');
    return;
  }
  if (!req.actor) {
    const code = req.session?.stage === 'mfa' ? 'mfa_required' : 'unauthenticated';
    throw new AppError(code, code === 'mfa_required' ? 'Complete the second factor first' : 'Sign in first');
  }
  if (access === 'authenticated' || req.actor.permissions.has(access)) return;
  await recordAudit(app.db, app.dialect, app.clock, {
    action: 'access.denied',
    result: 'denied',
    actorUserId: req.actor.userId,
    organisationId: req.actor.organisationId,
    details: { permission: access, route: req.routeOptions.url ?? '' },
    origin: originOf(req),
  });
  throw new AppError('forbidden', 'You are not allowed to do this');
}

/** Personal data must never sit in a browser or proxy cache. */
export function noStore(
  _req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (e: null, p: unknown) => void,
): void {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  done(null, payload);
}
