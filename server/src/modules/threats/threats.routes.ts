import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { defaultThreatConfig } from './engine/threat-config.js';
import { defaultStelselConfig } from './engine/stelsel-config.js';
import { factorLabels } from './engine/threat-labels.js';
import { threatFactorNames } from './engine/threat-input.js';
import * as threats from './threats.service.js';
import { setThreatFactors } from './threat-triggers.service.js';
import { threatBoard } from './threat-board.service.js';
import {
  adviceRequestSchema,
  adviceSchema,
  assessmentSchema,
  boardItemSchema,
  createAssessmentSchema,
  createdAssessmentSchema,
  officeholderParams,
  setFactorsSchema,
  threatConfigDtoSchema,
  threatProfileSchema,
} from './threats.schema.js';

const tags = ['threat assessment'];

function configuration() {
  return {
    levels: defaultThreatConfig.scale.map((l) => ({ code: l.code, label_nl: l.label_nl, label_en: l.label_en })),
    products: defaultStelselConfig.products.map((p) => ({ code: p.code, label_nl: p.label_nl, label_en: p.label_en })),
    authorities: defaultStelselConfig.authorities.map((a) => ({
      code: a.code,
      label_nl: a.label_nl,
      label_en: a.label_en,
    })),
    factors: threatFactorNames.map((f) => ({ code: f, label_nl: factorLabels[f].nl, label_en: factorLabels[f].en })),
  };
}

/** Explainable threat assessment per officeholder, re-assessment triggers and the threat board. */
export function registerThreatRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/threat-configuration',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Configured levels, Stelsel products, authorities and factors (Dutch and English labels)',
        response: { 200: threatConfigDtoSchema },
      },
    },
    async () => configuration(),
  );
  app.post(
    '/officeholders/:officeholderId/threat-advice',
    {
      config: { access: 'threats:assess' },
      schema: {
        tags,
        summary: "The engine's explained advice now (nothing stored); factors default to the stored coding",
        params: officeholderParams,
        body: adviceRequestSchema,
        response: { 200: adviceSchema },
      },
    },
    async (req) => threats.previewAdvice(requestContext(req, ctx), req.params.officeholderId, req.body.factors),
  );
  app.post(
    '/officeholders/:officeholderId/threat-assessments',
    {
      config: { access: 'threats:assess' },
      schema: {
        tags,
        summary: 'Decide the level (a decision differing from the advice needs a reason); the measure plan follows',
        params: officeholderParams,
        body: createAssessmentSchema,
        response: { 201: createdAssessmentSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await threats.createAssessment(requestContext(req, ctx), req.params.officeholderId, req.body)),
  );
  app.get(
    '/officeholders/:officeholderId/threat-assessments',
    {
      config: { access: 'threats:read' },
      schema: {
        tags,
        summary: 'Assessment history, newest first',
        params: officeholderParams,
        response: { 200: z.array(assessmentSchema) },
      },
    },
    async (req) => threats.listAssessments(requestContext(req, ctx), req.params.officeholderId),
  );
  app.put(
    '/officeholders/:officeholderId/threat-factors',
    {
      config: { access: 'threats:assess' },
      schema: {
        tags,
        summary: 'Set the factor coding (present / absent / unknown); a change asks for re-assessment',
        params: officeholderParams,
        body: setFactorsSchema,
        response: { 200: threatProfileSchema },
      },
    },
    async (req) => setThreatFactors(requestContext(req, ctx), req.params.officeholderId, req.body.factors),
  );
  app.get(
    '/threat-board',
    {
      config: { access: 'threats:read' },
      schema: {
        tags,
        summary: 'All officeholders by current level and trend, overdue reviews first',
        response: { 200: z.array(boardItemSchema) },
      },
    },
    async (req) => threatBoard(requestContext(req, ctx)),
  );
}
