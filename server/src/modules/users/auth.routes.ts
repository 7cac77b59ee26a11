import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { originOf } from '../../platform/http/request-context.js';
import { sessionCookie } from '../../platform/http/auth-hooks.js';
import { permissions, roles } from '../../platform/access/roles.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { officeholderIdOfUser } from '../officeholders/officeholders.service.js';
import { getOwnProfile } from './users.service.js';
import { userSchema } from './users.schema.js';
import * as auth from './auth.service.js';

const tags = ['auth'];
const codeBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be 6 digits'),
});
const issuedSchema = z.object({ next: z.enum(['totp', 'totp_enrol']).nullable(), csrfToken: z.string() });

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    signed: true,
  });
}

function requireSession(req: FastifyRequest) {
  if (!req.session) throw new AppError('unauthenticated', 'Log in with your password first');
  return req.session;
}

const sessionInfoSchema = z
  .object({
    stage: z.enum(['anonymous', 'mfa', 'active']),
    csrfToken: z.string().nullable(),
    user: userSchema.nullable(),
    organisation: z.object({ id: z.uuid(), name: z.string(), type: z.string() }).nullable(),
    permissions: z.array(z.enum(permissions)),
    roles: z.array(z.enum(roles)),
    officeholderId: z.uuid().nullable(),
  })
  .meta({ id: 'SessionInfo' });

/** Login with password, then TOTP (enrolment on first login), logout and the session's own view. */
export function registerAuthRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Check e-mail and password; the answer says which second-factor step follows',
        body: z.strictObject({ email: z.string().trim().max(254), password: z.string().max(256) }),
        response: { 200: issuedSchema },
      },
    },
    async (req, reply) => {
      const issued = await auth.login(ctx, req.body, originOf(req));
      setSessionCookie(req, reply, issued.token);
      return { next: issued.next, csrfToken: issued.csrfToken };
    },
  );

  app.post(
    '/auth/totp/enrolment',
    {
      config: { access: 'mfa_pending', rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Start TOTP enrolment: a secret, an otpauth URI and a QR code',
        response: { 200: z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() }) },
      },
    },
    async (req) => auth.startTotpEnrolment(ctx, requireSession(req)),
  );

  app.post(
    '/auth/totp/enrolment/confirm',
    {
      config: { access: 'mfa_pending', rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Confirm enrolment with a first code', body: codeBody, response: { 200: issuedSchema } },
    },
    async (req, reply) => {
      const issued = await auth.confirmTotpEnrolment(ctx, requireSession(req), req.body.code, originOf(req));
      setSessionCookie(req, reply, issued.token);
      return { next: null, csrfToken: issued.csrfToken };
    },
  );

  app.post(
    '/auth/totp',
    {
      config: { access: 'mfa_pending', rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Give the TOTP code', body: codeBody, response: { 200: issuedSchema } },
    },
    async (req, reply) => {
      const issued = await auth.verifyTotp(ctx, requireSession(req), req.body.code, originOf(req));
      setSessionCookie(req, reply, issued.token);
      return { next: null, csrfToken: issued.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'public' }, schema: { tags, summary: 'End the session', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.session) {
        if (req.headers['x-csrf-token'] !== req.session.csrf_token)
          throw new AppError('forbidden', 'Missing or wrong CSRF token');
        await auth.logout(ctx, req.session, originOf(req));
      }
      void reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Who is signed in, with roles and permissions', response: { 200: sessionInfoSchema } },
    },
    async (req) => {
      const empty = { user: null, organisation: null, permissions: [], roles: [], officeholderId: null };
      if (!req.session) return { stage: 'anonymous' as const, csrfToken: null, ...empty };
      if (!req.actor) return { stage: 'mfa' as const, csrfToken: req.session.csrf_token, ...empty };
      const rc = { ...ctx, actor: req.actor, origin: originOf(req) };
      const organisation = await getOrganisation(ctx, req.actor.organisationId);
      return {
        stage: 'active' as const,
        csrfToken: req.session.csrf_token,
        user: await getOwnProfile(rc),
        organisation: { id: organisation.id, name: organisation.name, type: organisation.type },
        permissions: [...req.actor.permissions],
        roles: req.actor.roles,
        officeholderId: await officeholderIdOfUser(ctx, req.actor.organisationId, req.actor.userId),
      };
    },
  );
}
