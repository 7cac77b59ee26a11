import type { AppContext } from '../../../platform/context.js';
import type { App } from '../../../platform/http/types.js';
import { requestContext } from '../../../platform/http/request-context.js';
import {
  algorithmsResponse,
  ALGORITHM,
  catalogResponse,
  datasetParams,
  entityParams,
  entityQuery,
  matchBody,
  matchQuery,
  matchResponse,
  NESTED_PER_PROPERTY,
  nestedEntityResponse,
  searchQuery,
  searchResponse,
  statusResponse,
} from './yente.schema.js';
import { fetchEntity, matchEntities, searchEntities } from './yente.service.js';
import { catalogOf, namedDatasets } from './yente-datasets.js';
import { featureDocs } from './yente-entities.js';
import { handleYenteError } from './yente-errors.js';
import { matchSerializerCompiler, matchValidatorCompiler } from './yente-fast-io.js';

const tags = ['yente'];

/**
 * The yente-compatible API, mounted at /api/yente: point a yente client there with a Weerbaar
 * API token (`Authorization: ApiKey <token>` or `Bearer <token>`).
 */
export function registerYenteRoutes(app: App, ctx: AppContext): void {
  app.setErrorHandler(handleYenteError);
  app.post(
    '/match/:dataset',
    {
      config: { access: 'screenings:create' },
      // The hot path: common valid requests and the 200 answer skip zod's rebuilding (yente-fast-io.ts).
      validatorCompiler: matchValidatorCompiler,
      serializerCompiler: matchSerializerCompiler,
      schema: {
        tags,
        summary: 'Query by example matcher (yente-compatible)',
        params: datasetParams,
        querystring: matchQuery,
        body: matchBody,
        response: { 200: matchResponse },
      },
    },
    async (req, reply) => {
      const result = await matchEntities(requestContext(req, ctx), req.params.dataset, req.body, req.query);
      return reply.header('x-batch-size', String(Object.keys(result.responses).length)).send(result);
    },
  );
  app.get(
    '/search/:dataset',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Simple entity search (yente-compatible)',
        description:
          'The matcher finds up to a few hundred candidates for `q`; filters, facets (counted over all those hits) and sort apply to them. ' +
          'Without `q` (empty or absent) every entity of the datasets in scope that passes the filters is a hit, in id order unless sorted; ' +
          'hits are counted up to 10,000 (then `total.relation` is `gte`) and facets are counted over the hits counted. ' +
          'Unknown schema, malformed filter, unknown sort field or impossible date: 400; other malformed parameters: 422.',
        params: datasetParams,
        querystring: searchQuery,
        response: { 200: searchResponse },
      },
    },
    async (req) => searchEntities(requestContext(req, ctx), req.params.dataset, req.query),
  );
  app.get(
    '/entities/:entityId',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'One entity by id (yente-compatible)',
        description:
          'The entity from the first visible dataset that holds the id; 404 `{"detail": "No such entity!"}` when none does. ' +
          'An id merged into another by a "same" decision answers 308 to /entities/{canonical id}. ' +
          `With nested=true (the default) entity-typed values are replaced by the entities they name and entities pointing at it appear under the reverse property (e.g. directorshipDirector), an edge showing its other end; at most ${NESTED_PER_PROPERTY} entities per property, ids on the path from the root stay ids, and only the entity's own dataset is read.`,
        params: entityParams,
        querystring: entityQuery,
        response: { 200: nestedEntityResponse },
      },
    },
    async (req, reply) => {
      const answer = await fetchEntity(requestContext(req, ctx), req.params.entityId, req.query.nested);
      if ('entity' in answer) return answer.entity;
      const base = req.routeOptions.url?.replace(':entityId', '') ?? '/api/yente/entities/';
      const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      return reply.redirect(`${base}${encodeURIComponent(answer.redirect)}${search}`, 308);
    },
  );
  registerYenteSystemRoutes(app, ctx);
  registerWrongMethods(app);
}

/** yente (FastAPI) answers a known path asked with another method 405, not 404. */
function registerWrongMethods(app: App): void {
  const allowed: Record<string, 'GET' | 'POST'> = {
    '/match/:dataset': 'POST',
    '/search/:dataset': 'GET',
    '/entities/:entityId': 'GET',
  };
  for (const [url, allow] of Object.entries(allowed)) {
    const others = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => m !== allow);
    app.route({
      method: [...others],
      url,
      config: { access: 'public' },
      schema: { hide: true },
      handler: async (_req, reply) =>
        reply
          .status(405)
          .header('allow', allow)
          .header('cache-control', 'no-store')
          .send({ detail: 'Method Not Allowed' }),
    });
  }
}

function registerYenteSystemRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/catalog',
    {
      config: { access: 'screenings:create' },
      schema: {
        tags,
        summary: 'Datasets you may match against (yente-compatible)',
        response: { 200: catalogResponse },
      },
    },
    async (req) => catalogOf(await namedDatasets(requestContext(req, ctx))),
  );
  app.get(
    '/algorithms',
    {
      config: { access: 'screenings:create' },
      schema: { tags, summary: 'Matching algorithms (yente-compatible)', response: { 200: algorithmsResponse } },
    },
    async () => ({
      algorithms: [{ name: ALGORITHM, description: 'Weerbaar Dutch-aware matcher', features: featureDocs() }],
      default: ALGORITHM,
      best: ALGORITHM,
    }),
  );
  for (const url of ['/healthz', '/readyz']) {
    app.get(
      url,
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Health check (yente-compatible)', response: { 200: statusResponse } },
      },
      async () => ({ status: 'ok' }),
    );
  }
}
