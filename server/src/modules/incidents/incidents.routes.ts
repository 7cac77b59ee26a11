import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { pageOf } from '../../platform/http/pagination.js';
import * as incidents from './incidents.service.js';
import { addAttachment, readAttachment } from './incident-attachments.service.js';
import {
  attachmentParams,
  attachmentSchema,
  createIncidentSchema,
  incidentEventSchema,
  incidentIdParams,
  incidentListItemSchema,
  incidentListQuery,
  incidentSchema,
  statusChangeSchema,
  updateIncidentSchema,
} from './incidents.schema.js';

const tags = ['incidents'];

/** Incidents of aggression, intimidation and violence against officeholders. */
export function registerIncidentRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/incidents',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Incidents you may see, filtered (comma-separated lists for form, channel, status, process)',
        querystring: incidentListQuery,
        response: { 200: pageOf(incidentListItemSchema) },
      },
    },
    async (req) => incidents.listIncidents(requestContext(req, ctx), req.query),
  );
  app.post(
    '/incidents',
    {
      config: { access: 'incidents:report' },
      schema: {
        tags,
        summary: 'Report an incident (quick report or full record)',
        body: createIncidentSchema,
        response: { 201: incidentSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await incidents.reportIncident(requestContext(req, ctx), req.body)),
  );
  app.get(
    '/incidents/:incidentId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'One incident (audited)', params: incidentIdParams, response: { 200: incidentSchema } },
    },
    async (req) => incidents.getIncident(requestContext(req, ctx), req.params.incidentId),
  );
  app.patch(
    '/incidents/:incidentId',
    {
      config: { access: 'incidents:manage' },
      schema: {
        tags,
        summary: 'Change an incident (send the version you read)',
        params: incidentIdParams,
        body: updateIncidentSchema,
        response: { 200: incidentSchema },
      },
    },
    async (req) => incidents.updateIncident(requestContext(req, ctx), req.params.incidentId, req.body),
  );
  app.post(
    '/incidents/:incidentId/status',
    {
      config: { access: 'incidents:manage' },
      schema: {
        tags,
        summary: 'Move the status; closing needs a reason',
        params: incidentIdParams,
        body: statusChangeSchema,
        response: { 200: incidentSchema },
      },
    },
    async (req) => incidents.changeStatus(requestContext(req, ctx), req.params.incidentId, req.body),
  );
  app.get(
    '/incidents/:incidentId/events',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The timeline of changes',
        params: incidentIdParams,
        response: { 200: z.array(incidentEventSchema) },
      },
    },
    async (req) => incidents.listIncidentEvents(requestContext(req, ctx), req.params.incidentId),
  );
  registerAttachmentRoutes(app, ctx);
}

function registerAttachmentRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/incidents/:incidentId/attachments',
    {
      config: { access: 'incidents:report' },
      schema: {
        tags,
        summary: 'Add evidence (multipart/form-data, one field "file"): PNG, JPEG, GIF, WebP, PDF or plain text',
        consumes: ['multipart/form-data'],
        params: incidentIdParams,
        response: { 201: attachmentSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('unsupported_media_type', 'file: send multipart/form-data with a field "file"', {
          issues: [{ path: 'file', message: 'multipart/form-data expected' }],
        });
      const part = await req.file();
      if (!part || part.fieldname !== 'file')
        throw new AppError('validation_failed', 'file: required', { issues: [{ path: 'file', message: 'required' }] });
      const data = await part.toBuffer();
      const rc = requestContext(req, ctx);
      const stored = await addAttachment(rc, req.params.incidentId, {
        fileName: part.filename,
        contentType: part.mimetype,
        data,
      });
      return reply.status(201).send(stored);
    },
  );
  app.get(
    '/incidents/:incidentId/attachments/:attachmentId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Download evidence (audited)', params: attachmentParams },
    },
    async (req, reply) => {
      const file = await readAttachment(requestContext(req, ctx), req.params.incidentId, req.params.attachmentId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-sha256', file.sha256)
        .send(file.data);
    },
  );
}
