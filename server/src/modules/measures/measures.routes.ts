import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import * as measures from './measures.service.js';
import * as workOrders from './work-orders.service.js';
import {
  addMeasureSchema,
  catalogueMeasureDtoSchema,
  measureStatusChangeSchema,
  planMeasureParams,
  planParams,
  planSchema,
  updateMeasureSchema,
  upsertPlanSchema,
} from './measures.schema.js';
import { workOrderIdParams, workOrderProgressSchema, workOrderSchema } from './work-orders.schema.js';

const tags = ['measure plans'];
const access = 'plans:manage' as const;

/** Measure plans per officeholder, the measure catalogue and work orders for executing organisations. */
export function registerMeasureRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/measure-catalogue',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The catalogue of protective measures (CCV scan areas)',
        response: { 200: z.array(catalogueMeasureDtoSchema) },
      },
    },
    async () => [...measures.listCatalogue()],
  );
  app.get(
    '/officeholders/:officeholderId/measure-plan',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The measure plan with funding and review state (audited)',
        params: planParams,
        response: { 200: planSchema },
      },
    },
    async (req) => measures.getPlan(requestContext(req, ctx), req.params.officeholderId),
  );
  app.put(
    '/officeholders/:officeholderId/measure-plan',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Create the plan or change owner, executing organisation, contact, address, household or review date',
        params: planParams,
        body: upsertPlanSchema,
        response: { 200: planSchema },
      },
    },
    async (req) => measures.upsertPlan(requestContext(req, ctx), req.params.officeholderId, req.body),
  );
  registerMeasureLineRoutes(app, ctx);
  registerWorkOrderRoutes(app, ctx);
}

function registerMeasureLineRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/officeholders/:officeholderId/measure-plan/measures',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Propose a catalogue measure',
        params: planParams,
        body: addMeasureSchema,
        response: { 200: planSchema },
      },
    },
    async (req) => measures.addMeasure(requestContext(req, ctx), req.params.officeholderId, req.body),
  );
  app.patch(
    '/officeholders/:officeholderId/measure-plan/measures/:measureId',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change cost, authority, executor, residence or dates of a measure',
        params: planMeasureParams,
        body: updateMeasureSchema,
        response: { 200: planSchema },
      },
    },
    async (req) =>
      measures.updateMeasure(requestContext(req, ctx), req.params.officeholderId, req.params.measureId, req.body),
  );
  app.post(
    '/officeholders/:officeholderId/measure-plan/measures/:measureId/status',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Move a measure: voorgesteld → besloten → in_uitvoering → actief → beeindigd (or afgewezen)',
        params: planMeasureParams,
        body: measureStatusChangeSchema,
        response: { 200: planSchema },
      },
    },
    async (req) =>
      measures.changeMeasureStatus(requestContext(req, ctx), req.params.officeholderId, req.params.measureId, req.body),
  );
}

function registerWorkOrderRoutes(app: App, ctx: AppContext): void {
  const woTags = ['work orders'];
  app.get(
    '/work-orders',
    {
      config: { access: 'work_orders:read_own' },
      schema: {
        tags: woTags,
        summary: 'Work orders for your organisation: only what the job needs',
        response: { 200: z.array(workOrderSchema) },
      },
    },
    async (req) => workOrders.listOwnWorkOrders(requestContext(req, ctx)),
  );
  app.patch(
    '/work-orders/:workOrderId',
    {
      config: { access: 'work_orders:update_own' },
      schema: {
        tags: woTags,
        summary: 'Report progress on one of your work orders',
        params: workOrderIdParams,
        body: workOrderProgressSchema,
        response: { 200: workOrderSchema },
      },
    },
    async (req) => workOrders.updateWorkOrderProgress(requestContext(req, ctx), req.params.workOrderId, req.body),
  );
}
