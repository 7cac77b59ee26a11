import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { grantSchema, tlpSchema } from '../sharing/sharing.schema.js';
import { matchDecisionSchema } from '../entities/entities.schema.js';
import {
  createScreeningSchema,
  screeningConclusionSchema,
  screeningDecisionSchema,
  screeningGrantParams,
  screeningListQuery,
  screeningParams,
  screeningSchema,
  screeningSummarySchema,
  shareScreeningSchema,
} from './screening.schema.js';
import * as screenings from './screening.service.js';
import { decideCandidate } from './screening-decisions.service.js';
import {
  listScreeningGrants,
  revokeScreeningGrant,
  setScreeningTlp,
  shareScreening,
} from './screening-sharing.service.js';

const tags = ['screenings'];

/** Screening as a record: run, list, read (audited), decide per candidate, conclude. */
export function registerScreeningRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/screenings',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Screen an applicant (person or company) against the visible datasets and keep the result',
        body: createScreeningSchema,
        response: { 201: screeningSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await screenings.createScreening(requestContext(req, ctx), req.body)),
  );
  app.get(
    '/screenings',
    {
      config: { access: 'screenings:read' },
      schema: {
        tags,
        summary: 'Screenings of your organisation and those shared with you, newest first',
        querystring: screeningListQuery,
        response: { 200: z.array(screeningSummarySchema) },
      },
    },
    async (req) => screenings.listScreenings(requestContext(req, ctx), req.query),
  );
  app.get(
    '/screenings/:screeningId',
    {
      config: { access: 'screenings:read' },
      schema: {
        tags,
        summary: 'One screening with its result (audited)',
        params: screeningParams,
        response: { 200: screeningSchema },
      },
    },
    async (req) => screenings.getScreening(requestContext(req, ctx), req.params.screeningId),
  );
  app.post(
    '/screenings/:screeningId/decisions',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Record whether a candidate is the applicant: same, different or unsure (kept, never overwritten)',
        params: screeningParams,
        body: screeningDecisionSchema,
        response: { 201: matchDecisionSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await decideCandidate(requestContext(req, ctx), req.params.screeningId, req.body)),
  );
  app.post(
    '/screenings/:screeningId/conclusion',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Record the conclusion of a screening (geen bezwaar, nader onderzoek, Bibob-advies vragen)',
        params: screeningParams,
        body: screeningConclusionSchema,
        response: { 200: screeningSchema },
      },
    },
    async (req) => screenings.concludeScreening(requestContext(req, ctx), req.params.screeningId, req.body),
  );
  registerScreeningSharingRoutes(app, ctx);
}

function registerScreeningSharingRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/screenings/:screeningId/grants',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Share a screening with an organisation or named people',
        params: screeningParams,
        body: shareScreeningSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await shareScreening(requestContext(req, ctx), req.params.screeningId, req.body)),
  );
  app.get(
    '/screenings/:screeningId/grants',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Grants on a screening',
        params: screeningParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => listScreeningGrants(requestContext(req, ctx), req.params.screeningId),
  );
  app.delete(
    '/screenings/:screeningId/grants/:grantId',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Revoke a grant on a screening',
        params: screeningGrantParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeScreeningGrant(requestContext(req, ctx), req.params.screeningId, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/screenings/:screeningId/tlp',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Set the TLP 2.0 marking of a screening (RED: refused while organisation-wide grants are live)',
        params: screeningParams,
        body: tlpSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setScreeningTlp(requestContext(req, ctx), req.params.screeningId, req.body.tlp);
      return reply.status(204).send(null);
    },
  );
}
