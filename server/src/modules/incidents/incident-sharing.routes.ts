import { givePoiAccessReason } from '../pois/poi-sharing.service.js';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import {
  accessReasonSchema,
  createGrantSchema,
  grantIdParams,
  grantSchema,
  tlpSchema,
} from '../sharing/sharing.schema.js';
import { revokeGrant } from '../sharing/sharing.service.js';
import { incidentIdParams } from './incidents.schema.js';
import * as sharing from './incident-sharing.service.js';
import { giveOfficeholderAccessReason } from '../officeholders/officeholder-sharing.service.js';
import { giveScreeningAccessReason } from '../screening/screening-sharing.service.js';

const tags = ['sharing'];

/** Need-to-know sharing of incidents: grants, TLP marking, reasons for access. */
export function registerIncidentSharingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/incidents/:incidentId/grants',
    {
      config: { access: 'incidents:read' },
      schema: {
        tags,
        summary: 'Grants on an incident (owner organisation)',
        params: incidentIdParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => sharing.listIncidentGrants(requestContext(req, ctx), req.params.incidentId),
  );
  app.post(
    '/incidents/:incidentId/grants',
    {
      config: { access: 'sharing:manage' },
      schema: {
        tags,
        summary: 'Share parts of an incident with an organisation or named people (purpose, legal basis, expiry)',
        params: incidentIdParams,
        body: createGrantSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sharing.shareIncident(requestContext(req, ctx), req.params.incidentId, req.body)),
  );
  app.delete(
    '/grants/:grantId',
    {
      config: { access: 'sharing:manage' },
      schema: {
        tags,
        summary: 'Revoke an incident or officeholder grant; it stops working at once',
        params: grantIdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      // Incident and officeholder grants only: other records' grants have their own routes and rules.
      await revokeGrant(requestContext(req, ctx), req.params.grantId, { recordTypes: ['incident', 'officeholder'] });
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/incidents/:incidentId/tlp',
    {
      config: { access: 'incidents:manage' },
      schema: {
        tags,
        summary: 'Set the TLP 2.0 marking',
        params: incidentIdParams,
        body: tlpSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await sharing.setIncidentTlp(requestContext(req, ctx), req.params.incidentId, req.body.tlp);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/access-reasons',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Say why you open a record (asked once per session for shared and TLP:RED records)',
        body: accessReasonSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const { recordType, recordId, purpose, note } = req.body;
      const give =
        recordType === 'officeholder'
          ? giveOfficeholderAccessReason
          : recordType === 'poi'
            ? givePoiAccessReason
            : recordType === 'screening'
              ? giveScreeningAccessReason
              : sharing.giveIncidentAccessReason;
      await give(requestContext(req, ctx), recordId, { purpose, note });
      return reply.status(204).send(null);
    },
  );
}
