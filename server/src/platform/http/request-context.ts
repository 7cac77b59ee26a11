import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { AppContext, RequestContext } from '../context.js';
import type { Origin } from '../access/actor.js';

/** Where a request came from, for audit events. */
export function originOf(req: FastifyRequest): Origin {
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip, userAgent: (userAgent ?? '').slice(0, 300), requestId: String(req.id) };
}

/** The service context for a signed-in request; throws when there is no actor. */
export function requestContext(req: FastifyRequest, app: AppContext): RequestContext {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first');
  return { ...app, actor: req.actor, origin: originOf(req) };
}
