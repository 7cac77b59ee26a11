import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as notifications from './notifications.service.js';
import {
  createWebhookSchema,
  createdWebhookSchema,
  notificationIdParams,
  notificationListQuery,
  notificationSchema,
  webhookIdParams,
  webhookSchema,
} from './notifications.schema.js';

/** In-app notifications of the signed-in user and the organisation's signed webhooks. */
export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your notifications, newest first',
        querystring: notificationListQuery,
        response: { 200: z.array(notificationSchema) },
      },
    },
    async (req) => notifications.listMyNotifications(requestContext(req, ctx), req.query.unread),
  );
  app.post(
    '/notifications/:notificationId/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: notificationIdParams,
        response: { 200: notificationSchema },
      },
    },
    async (req) => notifications.markNotificationRead(requestContext(req, ctx), req.params.notificationId),
  );
  registerWebhookRoutes(app, ctx);
}

function registerWebhookRoutes(app: App, ctx: AppContext): void {
  const tags = ['webhooks'];
  app.get(
    '/webhooks',
    {
      config: { access: 'webhooks:manage' },
      schema: { tags, summary: "Your organisation's webhooks", response: { 200: z.array(webhookSchema) } },
    },
    async (req) => notifications.listWebhooks(requestContext(req, ctx)),
  );
  app.post(
    '/webhooks',
    {
      config: { access: 'webhooks:manage' },
      schema: {
        tags,
        summary: 'Register a webhook; deliveries carry x-weerbaar-signature: sha256=<hex HMAC of the body>',
        body: createWebhookSchema,
        response: { 201: createdWebhookSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await notifications.createWebhook(requestContext(req, ctx), req.body)),
  );
  app.delete(
    '/webhooks/:webhookId',
    {
      config: { access: 'webhooks:manage' },
      schema: { tags, summary: 'Switch a webhook off', params: webhookIdParams, response: { 200: webhookSchema } },
    },
    async (req) => notifications.deactivateWebhook(requestContext(req, ctx), req.params.webhookId),
  );
}
