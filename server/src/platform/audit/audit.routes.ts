import type { AppContext } from '../context.js';
import type { App } from '../http/types.js';
import { requestContext } from '../http/request-context.js';
import { pageOf } from '../http/pagination.js';
import { searchAuditEvents } from './audit-query.service.js';
import { auditEventSchema, auditQuerySchema } from './audit.schema.js';

/** The DPO view of the audit trail. */
export function registerAuditRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/audit/events',
    {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'Who accessed which record, when and why (own organisation); filter by record, user, result',
        querystring: auditQuerySchema,
        response: { 200: pageOf(auditEventSchema) },
      },
    },
    async (req) => searchAuditEvents(requestContext(req, ctx), req.query),
  );
}
