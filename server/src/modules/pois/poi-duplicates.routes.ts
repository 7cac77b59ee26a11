import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { poiIdParams } from './pois.schema.js';
import { decideDuplicate, listDuplicateDecisions, possibleDuplicates } from './poi-duplicates.service.js';
import {
  duplicateDecisionInputSchema,
  duplicateDecisionSchema,
  possibleDuplicateSchema,
  possibleDuplicatesQuery,
} from './poi-duplicates.schema.js';

const tags = ['persons of interest'];
const access = 'pois:manage' as const;

/** Possible duplicates by the screening engine's person matcher, and the decisions people take on them. */
export function registerPoiDuplicateRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/pois/:poiId/possible-duplicates',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Persons of interest that may be the same person, ranked with the explanation (never merged)',
        params: poiIdParams,
        querystring: possibleDuplicatesQuery,
        response: { 200: z.array(possibleDuplicateSchema) },
      },
    },
    async (req) => possibleDuplicates(requestContext(req, ctx), req.params.poiId, req.query),
  );
  app.get(
    '/pois/:poiId/duplicate-decisions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Decisions taken on possible duplicates of this person of interest',
        params: poiIdParams,
        response: { 200: z.array(duplicateDecisionSchema) },
      },
    },
    async (req) => listDuplicateDecisions(requestContext(req, ctx), req.params.poiId),
  );
  app.post(
    '/pois/:poiId/duplicate-decisions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Decide on a possible duplicate: same (links both, both stay), different or unsure',
        params: poiIdParams,
        body: duplicateDecisionInputSchema,
        response: { 201: duplicateDecisionSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decideDuplicate(requestContext(req, ctx), req.params.poiId, req.body)),
  );
}
