import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { pageOf } from '../../platform/http/pagination.js';
import {
  createDecisionSchema,
  createFlagSchema,
  entityFlagSchema,
  entityParams,
  entitySchema,
  entitySearchQuery,
  entitySummarySchema,
  flagIdParams,
  matchDecisionSchema,
} from './entities.schema.js';
import * as entities from './entities.service.js';
import { decideMatch, listDecisions } from './match-decisions.service.js';

const tags = ['entities'];

/** FtM entities: search, read (audited), analyst flags and match decisions. */
export function registerEntityRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/entities',
    {
      config: { access: 'entities:read' },
      schema: {
        tags,
        summary: 'Entities whose name starts with q, in one or all visible datasets',
        querystring: entitySearchQuery,
        response: { 200: pageOf(entitySummarySchema) },
      },
    },
    async (req) => entities.searchEntities(requestContext(req, ctx), req.query),
  );
  app.get(
    '/datasets/:datasetId/entities/:entityId',
    {
      config: { access: 'entities:read' },
      schema: {
        tags,
        summary: 'One entity with its cluster, flags and direct ties (audited)',
        params: entityParams,
        response: { 200: entitySchema },
      },
    },
    async (req) => entities.getEntity(requestContext(req, ctx), req.params.datasetId, req.params.entityId),
  );
  app.post(
    '/datasets/:datasetId/entities/:entityId/flags',
    {
      config: { access: 'entities:manage' },
      schema: {
        tags,
        summary: 'Flag an entity, with the reason',
        params: entityParams,
        body: createFlagSchema,
        response: { 201: entityFlagSchema },
      },
    },
    async (req, reply) => {
      const { datasetId, entityId } = req.params;
      return reply
        .status(201)
        .send(await entities.flagEntity(requestContext(req, ctx), datasetId, entityId, req.body.reason));
    },
  );
  app.delete(
    '/entity-flags/:flagId',
    {
      config: { access: 'entities:manage' },
      schema: {
        tags,
        summary: 'Withdraw a flag of your organisation (kept on record)',
        params: flagIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await entities.revokeEntityFlag(requestContext(req, ctx), req.params.flagId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/match-decisions',
    {
      config: { access: 'entities:manage' },
      schema: {
        tags,
        summary: 'Record that two entities are the same, different, or unsure (kept, never overwritten)',
        body: createDecisionSchema,
        response: { 201: matchDecisionSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await decideMatch(requestContext(req, ctx), req.body)),
  );
  app.get(
    '/datasets/:datasetId/entities/:entityId/decisions',
    {
      config: { access: 'entities:read' },
      schema: {
        tags,
        summary: 'Match decisions of your organisation about an entity, newest first',
        params: entityParams,
        response: { 200: z.array(matchDecisionSchema) },
      },
    },
    async (req) => listDecisions(requestContext(req, ctx), req.params.datasetId, req.params.entityId),
  );
}
