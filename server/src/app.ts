import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.js';
import type { App, RouteAccess } from './platform/http/types.js';
import { handleError } from './platform/http/error-handler.js';
import { runAsTenant } from './platform/tenant-context.js';
import { authorise, identify, noStore } from './platform/http/auth-hooks.js';
import { registerHealthRoutes } from './platform/http/health.routes.js';
import { registerAuthRoutes } from './modules/users/auth.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import { registerOrganisationRoutes } from './modules/organisations/organisations.routes.js';
import { registerOfficeholderRoutes } from './modules/officeholders/officeholders.routes.js';
import { registerIncidentRoutes } from './modules/incidents/incidents.routes.js';
import { registerIncidentSharingRoutes } from './modules/incidents/incident-sharing.routes.js';
import { registerExportRoutes } from './modules/exports/exports.routes.js';
import { registerSharingRoutes } from './modules/sharing/sharing.routes.js';
import { registerTaxonomyRoutes } from './modules/incidents/taxonomy.routes.js';
import { registerPoiRoutes } from './modules/pois/pois.routes.js';
import { registerThreatRoutes } from './modules/threats/threats.routes.js';
import { registerMeasureRoutes } from './modules/measures/measures.routes.js';
import { registerTaskRoutes } from './modules/tasks/tasks.routes.js';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.js';
import { registerAuditRoutes } from './platform/audit/audit.routes.js';
import { registerDatasetRoutes } from './modules/entities/datasets.routes.js';
import { registerEntityRoutes } from './modules/entities/entities.routes.js';
import { registerScanRoutes } from './modules/scans/scans.routes.js';
import { registerSupportRoutes } from './modules/support/support.routes.js';
import { registerScreeningRoutes } from './modules/screening/screening.routes.js';
import { registerYenteRoutes } from './modules/screening/yente/yente.routes.js';

/** Builds the HTTP application around an AppContext; `listen` is the caller's business. */
export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  enforceDeclaredAccess(app);
  runHandlersAsTenant(app);
  await registerPlugins(app, ctx);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/')) await identify(ctx, req);
  });
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (access) await authorise(ctx, req, access);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/')) return noStore(req, reply, payload, done);
    done(null, payload);
  });

  await app.register(
    async (api) => {
      registerAuthRoutes(api, ctx);
      registerUserRoutes(api, ctx);
      registerOrganisationRoutes(api, ctx);
      registerOfficeholderRoutes(api, ctx);
      registerIncidentRoutes(api, ctx);
      registerIncidentSharingRoutes(api, ctx);
      registerExportRoutes(api, ctx);
      registerSharingRoutes(api, ctx);
      registerTaxonomyRoutes(api);
      registerPoiRoutes(api, ctx);
      registerThreatRoutes(api, ctx);
      registerMeasureRoutes(api, ctx);
      registerTaskRoutes(api, ctx);
      registerNotificationRoutes(api, ctx);
      registerAuditRoutes(api, ctx);
      registerDatasetRoutes(api, ctx);
      registerEntityRoutes(api, ctx);
      registerScanRoutes(api, ctx);
      registerSupportRoutes(api, ctx);
      registerScreeningRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  await app.register(async (yente) => registerYenteRoutes(yente, ctx), { prefix: '/api/yente' });
  registerHealthRoutes(app, ctx);
  await serveWebApp(app, ctx.config.webDist);
  return app;
}

/** Deny by default: an /api/v1 or /api/yente route that does not declare its access stops the app from starting. */
function enforceDeclaredAccess(app: App): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && !route.url.startsWith('/api/yente')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
  });
}

/**
 * Every handler runs for the signed-in actor's organisation (or for no tenant at all), which the
 * database connections hand to PostgreSQL's row-level security policies.
 */
function runHandlersAsTenant(app: App): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function (this: FastifyInstance, req, reply) {
      return runAsTenant(req.actor?.organisationId ?? '', () => handler.call(this, req, reply));
    };
  });
}

async function registerPlugins(app: App, ctx: AppContext): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  await app.register(cookie, { secret: ctx.config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: ctx.config.attachmentMaxBytes, files: 1, fields: 5, fieldSize: 1024 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Weerbaar API',
        version: '1.0.0',
        description:
          'Weerbaar: protect officeholders and resist ondermijning. Cookie sessions (with x-csrf-token) or Bearer API tokens.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'weerbaar_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}

async function serveWebApp(app: App, webDist: string): Promise<void> {
  const index = path.join(webDist, 'index.html');
  const hasWebApp = fs.existsSync(index);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === 'GET' && !req.url.startsWith('/api/');
    if (isPage && hasWebApp) {
      void reply.type('text/html').header('cache-control', 'no-cache').send(fs.createReadStream(index));
      return;
    }
    void reply.status(404).send({
      error: 'not_found',
      message: `${req.method} ${req.url.split('?')[0]} not found`,
      requestId: String(req.id),
    });
  });
}
