import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as scans from './scans.service.js';
import { proposeAllFindings, proposeFinding } from './scan-proposals.service.js';
import { questionnaireDto } from './scan-mapper.js';
import {
  answerScanSchema,
  createScanSchema,
  findingParams,
  officeholderParams,
  proposalResultSchema,
  questionnaireSchema,
  scanIdParams,
  scanListItemSchema,
  scanSchema,
} from './scans.schema.js';

const tags = ['security scans'];
const access = 'plans:manage' as const;

/** Security scans in the four CCV areas: questionnaire, answers, findings, one-click proposals and the report. */
export function registerScanRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/security-scan-questionnaire',
    {
      config: { access },
      schema: { tags, summary: 'The questionnaire per CCV area', response: { 200: questionnaireSchema } },
    },
    async () => questionnaireDto(),
  );
  app.get(
    '/officeholders/:officeholderId/security-scans',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Security scans of an officeholder, newest first',
        params: officeholderParams,
        response: { 200: z.array(scanListItemSchema) },
      },
    },
    async (req) => scans.listScans(requestContext(req, ctx), req.params.officeholderId),
  );
  app.post(
    '/officeholders/:officeholderId/security-scans',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Start a draft security scan over some or all CCV areas',
        params: officeholderParams,
        body: createScanSchema,
        response: { 201: scanSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await scans.startScan(requestContext(req, ctx), req.params.officeholderId, req.body)),
  );
  registerScanRecordRoutes(app, ctx);
}

function registerScanRecordRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/security-scans/:scanId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'A scan with answers and findings (audited)',
        params: scanIdParams,
        response: { 200: scanSchema },
      },
    },
    async (req) => scans.getScan(requestContext(req, ctx), req.params.scanId),
  );
  app.put(
    '/security-scans/:scanId/answers',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Answer questions of a draft scan; findings are recomputed',
        params: scanIdParams,
        body: answerScanSchema,
        response: { 200: scanSchema },
      },
    },
    async (req) => scans.answerScan(requestContext(req, ctx), req.params.scanId, req.body),
  );
  app.post(
    '/security-scans/:scanId/complete',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Close the scan (draft → afgerond) once every question is answered',
        params: scanIdParams,
        response: { 200: scanSchema },
      },
    },
    async (req) => scans.completeScan(requestContext(req, ctx), req.params.scanId),
  );
  registerProposalRoutes(app, ctx);
}

function registerProposalRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/security-scans/:scanId/findings/:findingId/propose',
    {
      config: { access },
      schema: {
        tags,
        summary: "Propose a finding's measures in the officeholder's plan (one click)",
        params: findingParams,
        response: { 200: proposalResultSchema },
      },
    },
    async (req) => proposeFinding(requestContext(req, ctx), req.params.scanId, req.params.findingId),
  );
  app.post(
    '/security-scans/:scanId/propose-all',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Propose the measures of every finding not proposed yet',
        params: scanIdParams,
        response: { 200: proposalResultSchema },
      },
    },
    async (req) => proposeAllFindings(requestContext(req, ctx), req.params.scanId),
  );
  app.get(
    '/security-scans/:scanId/report',
    {
      config: { access },
      schema: { tags, summary: 'Printable report (HTML, audited)', params: scanIdParams },
    },
    async (req, reply) => {
      const html = await scans.scanReportHtml(requestContext(req, ctx), req.params.scanId);
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );
}
