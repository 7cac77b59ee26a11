import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { listShareTargets, listShareTargetUsers } from './share-targets.service.js';

const tags = ['sharing'];

/** The directory of organisations and people a record can be shared with. */
export function registerSharingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/share-targets',
    {
      config: { access: 'sharing:manage' },
      schema: {
        tags,
        summary: 'Organisations a record can be shared with',
        response: { 200: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string() })) },
      },
    },
    async (req) => listShareTargets(requestContext(req, ctx)),
  );
  app.get(
    '/share-targets/:organisationId/users',
    {
      config: { access: 'sharing:manage' },
      schema: {
        tags,
        summary: 'People of an organisation, by display name only, to name in a grant',
        params: z.strictObject({ organisationId: z.uuid() }),
        response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string() })) },
      },
    },
    async (req) => listShareTargetUsers(requestContext(req, ctx), req.params.organisationId),
  );
}
