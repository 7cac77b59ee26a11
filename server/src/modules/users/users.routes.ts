import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { pageOf } from '../../platform/http/pagination.js';
import * as users from './users.service.js';
import {
  apiTokenSchema,
  createApiTokenSchema,
  createUserSchema,
  tokenIdParams,
  updateUserSchema,
  userIdParams,
  userListQuery,
  userSchema,
} from './users.schema.js';

const tags = ['users'];

/** Account administration and the caller's own API tokens. */
export function registerUserRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        summary: 'List accounts (own organisation; all for platform administrators)',
        querystring: userListQuery,
        response: { 200: pageOf(userSchema) },
      },
    },
    async (req) => users.listUsers(requestContext(req, ctx), req.query),
  );

  app.post(
    '/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        summary: 'Create an account; it enrols TOTP at first login',
        body: createUserSchema,
        response: { 201: userSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await users.createUser(requestContext(req, ctx), req.body)),
  );

  app.patch(
    '/users/:userId',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        summary: 'Change roles, name or status; reset the second factor; unlock',
        params: userIdParams,
        body: updateUserSchema,
        response: { 200: userSchema },
      },
    },
    async (req) => users.updateUser(requestContext(req, ctx), req.params.userId, req.body),
  );

  app.get(
    '/me/api-tokens',
    {
      config: { access: 'tokens:manage_own' },
      schema: { tags, summary: 'Your API tokens (never the secret)', response: { 200: z.array(apiTokenSchema) } },
    },
    async (req) =>
      (await users.listApiTokens(requestContext(req, ctx))).map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.created_at,
        expiresAt: t.expires_at,
        lastUsedAt: t.last_used_at,
        revokedAt: t.revoked_at,
      })),
  );

  app.post(
    '/me/api-tokens',
    {
      config: { access: 'tokens:manage_own' },
      schema: {
        tags,
        summary: 'Create an API token for machine clients; the token is shown once',
        body: createApiTokenSchema,
        response: { 201: z.object({ id: z.uuid(), token: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await users.createApiToken(requestContext(req, ctx), req.body)),
  );

  app.delete(
    '/me/api-tokens/:tokenId',
    {
      config: { access: 'tokens:manage_own' },
      schema: { tags, summary: 'Revoke an API token at once', params: tokenIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await users.revokeApiToken(requestContext(req, ctx), req.params.tokenId);
      return reply.status(204).send(null);
    },
  );
}
