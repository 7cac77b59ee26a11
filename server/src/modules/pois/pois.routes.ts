import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as pois from './pois.service.js';
import * as groups from './poi-groups.service.js';
import { registerPoiDuplicateRoutes } from './poi-duplicates.routes.js';
import { registerPoiEntityLinkRoutes } from './poi-entity-links.js';
import { registerPoiPhotoRoutes } from './poi-photos.routes.js';
import { registerPoiSharingRoutes } from './poi-sharing.routes.js';
import {
  addGroupMemberSchema,
  createPoiGroupSchema,
  createPoiSchema,
  groupIdParams,
  linkIncidentSchema,
  poiGroupSchema,
  poiHistorySchema,
  poiIdParams,
  poiIncidentParams,
  poiListItemSchema,
  poiListQuery,
  poiSchema,
  updatePoiSchema,
} from './pois.schema.js';

const tags = ['persons of interest'];
const access = 'pois:manage' as const;

/** Persons of interest: perpetrators and suspected perpetrators, their incidents, groups and history. */
export function registerPoiRoutes(app: App, ctx: AppContext): void {
  registerPoiEntityLinkRoutes(app, ctx);
  registerPoiPhotoRoutes(app, ctx);
  app.get(
    '/pois',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Persons of interest, searchable by name',
        querystring: poiListQuery,
        response: { 200: z.array(poiListItemSchema) },
      },
    },
    async (req) => pois.listPois(requestContext(req, ctx), req.query.q),
  );
  app.post(
    '/pois',
    {
      config: { access },
      schema: { tags, summary: 'Register a person of interest', body: createPoiSchema, response: { 201: poiSchema } },
    },
    async (req, reply) => reply.status(201).send(await pois.createPoi(requestContext(req, ctx), req.body)),
  );
  app.get(
    '/pois/:poiId',
    {
      config: { access },
      schema: { tags, summary: 'One person of interest (audited)', params: poiIdParams, response: { 200: poiSchema } },
    },
    async (req) => pois.getPoi(requestContext(req, ctx), req.params.poiId),
  );
  app.patch(
    '/pois/:poiId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change a person of interest (send the version you read)',
        params: poiIdParams,
        body: updatePoiSchema,
        response: { 200: poiSchema },
      },
    },
    async (req) => pois.updatePoi(requestContext(req, ctx), req.params.poiId, req.body),
  );
  registerLinkRoutes(app, ctx);
  registerGroupRoutes(app, ctx);
}

function registerLinkRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/pois/:poiId/incidents',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Link to an incident with a role (dader, vermoedelijke dader, …)',
        params: poiIdParams,
        body: linkIncidentSchema,
        response: { 200: poiSchema },
      },
    },
    async (req) => pois.linkIncident(requestContext(req, ctx), req.params.poiId, req.body),
  );
  app.delete(
    '/pois/:poiId/incidents/:incidentId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Remove the link to an incident',
        params: poiIncidentParams,
        response: { 200: poiSchema },
      },
    },
    async (req) => pois.unlinkIncident(requestContext(req, ctx), req.params.poiId, req.params.incidentId),
  );
  app.get(
    '/pois/:poiId/history',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Fixation and escalation history from the linked incidents',
        params: poiIdParams,
        response: { 200: poiHistorySchema },
      },
    },
    async (req) => pois.poiHistory(requestContext(req, ctx), req.params.poiId),
  );
  registerPoiDuplicateRoutes(app, ctx);
  registerPoiSharingRoutes(app, ctx);
}

function registerGroupRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/poi-groups',
    {
      config: { access },
      schema: { tags, summary: 'Groups of persons of interest', response: { 200: z.array(poiGroupSchema) } },
    },
    async (req) => groups.listPoiGroups(requestContext(req, ctx)),
  );
  app.post(
    '/poi-groups',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Create a group of persons of interest',
        body: createPoiGroupSchema,
        response: { 201: poiGroupSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await groups.createPoiGroup(requestContext(req, ctx), req.body)),
  );
  app.post(
    '/poi-groups/:groupId/members',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Add a person of interest to a group',
        params: groupIdParams,
        body: addGroupMemberSchema,
        response: { 200: poiGroupSchema },
      },
    },
    async (req) => groups.addPoiGroupMember(requestContext(req, ctx), req.params.groupId, req.body.poiId),
  );
}
