import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as exportsService from './exports.service.js';
import { createExportSchema, exportDecisionSchema, exportIdParams, exportRequestSchema } from './exports.schema.js';

const tags = ['exports'];

/** Bulk exports of personal data under four-eyes approval. */
export function registerExportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/exports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Export requests of your organisation (for requesters and approvers)',
        response: { 200: z.array(exportRequestSchema) },
      },
    },
    async (req) => exportsService.listExports(requestContext(req, ctx)),
  );
  app.post(
    '/exports',
    {
      config: { access: 'exports:request' },
      schema: {
        tags,
        summary: 'Ask for a bulk export; a second person must approve it',
        body: createExportSchema,
        response: { 201: exportRequestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await exportsService.requestExport(requestContext(req, ctx), req.body)),
  );
  app.post(
    '/exports/:exportId/decision',
    {
      config: { access: 'exports:approve' },
      schema: {
        tags,
        summary: 'Approve or reject (never your own request)',
        params: exportIdParams,
        body: exportDecisionSchema,
        response: { 200: exportRequestSchema },
      },
    },
    async (req) => exportsService.decideExport(requestContext(req, ctx), req.params.exportId, req.body),
  );
  app.get(
    '/exports/:exportId/download',
    {
      config: { access: 'exports:request' },
      schema: { tags, summary: 'Download an approved export once (CSV)', params: exportIdParams },
    },
    async (req, reply) => {
      const file = await exportsService.downloadExport(requestContext(req, ctx), req.params.exportId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.csv);
    },
  );
}
