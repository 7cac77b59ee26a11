import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as organisations from './organisations.service.js';
import {
  createOrganisationSchema,
  organisationIdParams,
  organisationSchema,
  updateOrganisationSchema,
} from './organisations.schema.js';

const tags = ['organisations'];

/** Organisations on the platform; platform administrators only. */
export function registerOrganisationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/organisations',
    {
      config: { access: 'organisations:manage' },
      schema: { tags, summary: 'List organisations', response: { 200: z.array(organisationSchema) } },
    },
    async (req) => organisations.listOrganisations(requestContext(req, ctx)),
  );
  app.post(
    '/organisations',
    {
      config: { access: 'organisations:manage' },
      schema: {
        tags,
        summary: 'Create an organisation',
        body: createOrganisationSchema,
        response: { 201: organisationSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await organisations.createOrganisation(requestContext(req, ctx), req.body)),
  );
  app.patch(
    '/organisations/:organisationId',
    {
      config: { access: 'organisations:manage' },
      schema: {
        tags,
        summary: 'Rename or (de)activate an organisation',
        params: organisationIdParams,
        body: updateOrganisationSchema,
        response: { 200: organisationSchema },
      },
    },
    async (req) => organisations.updateOrganisation(requestContext(req, ctx), req.params.organisationId, req.body),
  );
}
