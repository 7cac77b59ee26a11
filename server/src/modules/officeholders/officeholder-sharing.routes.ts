import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { createGrantSchema, grantSchema, tlpSchema } from '../sharing/sharing.schema.js';
import { officeholderIdParams } from './officeholders.schema.js';
import * as sharing from './officeholder-sharing.service.js';

const tags = ['sharing'];

/** Need-to-know sharing of officeholders: grants and the TLP marking (reasons go through /access-reasons). */
export function registerOfficeholderSharingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/officeholders/:officeholderId/grants',
    {
      config: { access: 'officeholders:read' },
      schema: {
        tags,
        summary: 'Grants on an officeholder (owner organisation)',
        params: officeholderIdParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => sharing.listOfficeholderGrants(requestContext(req, ctx), req.params.officeholderId),
  );
  app.post(
    '/officeholders/:officeholderId/grants',
    {
      config: { access: 'sharing:manage' },
      schema: {
        tags,
        summary: 'Share parts of an officeholder (kern, contact, woning) with an organisation or named people',
        params: officeholderIdParams,
        body: createGrantSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await sharing.shareOfficeholder(requestContext(req, ctx), req.params.officeholderId, req.body)),
  );
  app.put(
    '/officeholders/:officeholderId/tlp',
    {
      config: { access: 'officeholders:manage' },
      schema: {
        tags,
        summary: 'Set the TLP 2.0 marking of an officeholder',
        params: officeholderIdParams,
        body: tlpSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await sharing.setOfficeholderTlp(requestContext(req, ctx), req.params.officeholderId, req.body.tlp);
      return reply.status(204).send(null);
    },
  );
}
