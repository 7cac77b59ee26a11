import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { createGrantSchema, grantSchema, tlpSchema } from '../sharing/sharing.schema.js';
import { poiIdParams } from './pois.schema.js';
import { listPoiGrants, revokePoiGrant, setPoiTlp, sharePoi } from './poi-sharing.service.js';

const tags = ['sharing'];
const access = 'pois:manage' as const;
const poiGrantParams = z.strictObject({ poiId: z.uuid(), grantId: z.uuid() });

/** Sharing a person of interest with another organisation (parts: kern, adres, notities). */
export function registerPoiSharingRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/pois/:poiId/grants',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Grants on a person of interest (owner organisation)',
        params: poiIdParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => listPoiGrants(requestContext(req, ctx), req.params.poiId),
  );
  app.post(
    '/pois/:poiId/grants',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Share parts of a person of interest (kern, adres, notities) for a purpose until a date',
        params: poiIdParams,
        body: createGrantSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await sharePoi(requestContext(req, ctx), req.params.poiId, req.body)),
  );
  app.delete(
    '/pois/:poiId/grants/:grantId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Revoke a grant on a person of interest; it stops working at once',
        params: poiGrantParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokePoiGrant(requestContext(req, ctx), req.params.poiId, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/pois/:poiId/tlp',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Set the TLP 2.0 marking of a person of interest (RED: refused while organisation-wide grants are live)',
        params: poiIdParams,
        body: tlpSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await setPoiTlp(requestContext(req, ctx), req.params.poiId, req.body.tlp);
      return reply.status(204).send(null);
    },
  );
}
