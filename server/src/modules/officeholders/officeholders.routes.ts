import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as officeholders from './officeholders.service.js';
import { registerOfficeholderSharingRoutes } from './officeholder-sharing.routes.js';
import {
  createOfficeholderSchema,
  officeholderIdParams,
  officeholderListQuery,
  officeholderSchema,
  updateOfficeholderSchema,
} from './officeholders.schema.js';

const tags = ['officeholders'];

/** Officeholders of the caller's organisation. */
export function registerOfficeholderRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/officeholders',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Officeholders you may see (an officeholder sees only themself)',
        querystring: officeholderListQuery,
        response: { 200: z.array(officeholderSchema) },
      },
    },
    async (req) => officeholders.listOfficeholders(requestContext(req, ctx), req.query.includeInactive),
  );
  app.get(
    '/officeholders/:officeholderId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One officeholder',
        params: officeholderIdParams,
        response: { 200: officeholderSchema },
      },
    },
    async (req) => officeholders.getOfficeholder(requestContext(req, ctx), req.params.officeholderId),
  );
  app.post(
    '/officeholders',
    {
      config: { access: 'officeholders:manage' },
      schema: {
        tags,
        summary: 'Register an officeholder',
        body: createOfficeholderSchema,
        response: { 201: officeholderSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await officeholders.createOfficeholder(requestContext(req, ctx), req.body)),
  );
  app.patch(
    '/officeholders/:officeholderId',
    {
      config: { access: 'officeholders:manage' },
      schema: {
        tags,
        summary: 'Change an officeholder',
        params: officeholderIdParams,
        body: updateOfficeholderSchema,
        response: { 200: officeholderSchema },
      },
    },
    async (req) => officeholders.updateOfficeholder(requestContext(req, ctx), req.params.officeholderId, req.body),
  );
  registerOfficeholderSharingRoutes(app, ctx);
}
