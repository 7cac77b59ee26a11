import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { grantSchema } from '../sharing/sharing.schema.js';
import * as support from './support.service.js';
import * as workflow from './support-workflow.service.js';
import * as sharing from './support-sharing.service.js';
import {
  createSupportRequestSchema,
  requestIdParams,
  requestShareParams,
  shareSupportRequestSchema,
  supportNoteInputSchema,
  supportOrganisationSchema,
  supportRequestListItemSchema,
  supportRequestSchema,
  supportStatusChangeSchema,
  withdrawSupportRequestSchema,
} from './support.schema.js';

const tags = ['support'];

/** Confidential support requests to the officeholders' support team. */
export function registerSupportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/support-organisations',
    {
      config: { access: 'support:request' },
      schema: {
        tags,
        summary: 'Support organisations a request can go to',
        response: { 200: z.array(supportOrganisationSchema) },
      },
    },
    async (req) => support.listSupportOrganisations(requestContext(req, ctx)),
  );
  app.get(
    '/support-requests',
    {
      // Requesters, the support team and named people each see their own part; the service decides.
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Support requests you filed, are the subject of, handle or were named in (audited)',
        response: { 200: z.array(supportRequestListItemSchema) },
      },
    },
    async (req) => support.listSupportRequests(requestContext(req, ctx)),
  );
  app.post(
    '/support-requests',
    {
      config: { access: 'support:request' },
      schema: {
        tags,
        summary: 'Ask the support team for advice, a peer visit, legal help or psychosocial care (confidential)',
        body: createSupportRequestSchema,
        response: { 201: supportRequestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await support.createSupportRequest(requestContext(req, ctx), req.body)),
  );
  app.get(
    '/support-requests/:requestId',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One support request, for the people party to it (audited)',
        params: requestIdParams,
        response: { 200: supportRequestSchema },
      },
    },
    async (req) => support.getSupportRequest(requestContext(req, ctx), req.params.requestId),
  );
  registerWorkflowRoutes(app, ctx);
  registerShareRoutes(app, ctx);
}

function registerWorkflowRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/support-requests/:requestId/status',
    {
      config: { access: 'support:handle' },
      schema: {
        tags,
        summary: 'The support team moves a request: ingediend → in_behandeling → afgerond',
        params: requestIdParams,
        body: supportStatusChangeSchema,
        response: { 200: supportRequestSchema },
      },
    },
    async (req) => workflow.changeSupportStatus(requestContext(req, ctx), req.params.requestId, req.body),
  );
  app.post(
    '/support-requests/:requestId/withdraw',
    {
      config: { access: 'support:request' },
      schema: {
        tags,
        summary: 'Withdraw your open request',
        params: requestIdParams,
        body: withdrawSupportRequestSchema,
        response: { 200: supportRequestSchema },
      },
    },
    async (req) => workflow.withdrawSupportRequest(requestContext(req, ctx), req.params.requestId, req.body),
  );
  app.post(
    '/support-requests/:requestId/notes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Add a note to the conversation (support team, requester)',
        params: requestIdParams,
        body: supportNoteInputSchema,
        response: { 201: supportRequestSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await workflow.addSupportNote(requestContext(req, ctx), req.params.requestId, req.body.body)),
  );
}

function registerShareRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/support-requests/:requestId/shares',
    {
      config: { access: 'support:request' },
      schema: {
        tags,
        summary: 'People you shared the request with',
        params: requestIdParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => sharing.listSupportShares(requestContext(req, ctx), req.params.requestId),
  );
  app.post(
    '/support-requests/:requestId/shares',
    {
      config: { access: 'support:request' },
      schema: {
        tags,
        summary: 'Share the request with named people (e.g. your adviser), until a date',
        params: requestIdParams,
        body: shareSupportRequestSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await sharing.shareSupportRequest(requestContext(req, ctx), req.params.requestId, req.body)),
  );
  app.delete(
    '/support-requests/:requestId/shares/:grantId',
    {
      config: { access: 'support:request' },
      schema: { tags, summary: 'Stop sharing, at once', params: requestShareParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await sharing.revokeSupportShare(requestContext(req, ctx), req.params.requestId, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
}
