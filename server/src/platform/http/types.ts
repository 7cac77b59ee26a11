import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../access/actor.js';
import type { Permission } from '../access/roles.js';
import type { SessionRow } from '../../modules/users/users.repository.js';

/**
 * What a route requires. `public`: anyone; `mfa_pending`: a session that passed the password
 * but not yet the second factor; `authenticated`: any fully signed-in actor; a Permission: an
 * actor holding it. Every /api route must declare one (deny by default).
 */
export type RouteAccess = 'public' | 'mfa_pending' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export type { FastifyRequest };
