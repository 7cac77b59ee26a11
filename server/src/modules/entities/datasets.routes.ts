import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { grantSchema, tlpSchema } from '../sharing/sharing.schema.js';
import {
  createDatasetSchema,
  datasetGrantParams,
  datasetIdParams,
  datasetSchema,
  shareDatasetSchema,
} from './entities.schema.js';
import * as datasets from './datasets.service.js';

const tags = ['entities'];

/** Datasets of FtM entities and their sharing with other organisations. */
export function registerDatasetRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/datasets',
    {
      config: { access: 'entities:read' },
      schema: {
        tags,
        summary: 'Datasets you may see: your organisation’s and those shared with it',
        response: { 200: z.array(datasetSchema) },
      },
    },
    async (req) => (await datasets.listVisibleDatasets(requestContext(req, ctx))).map(datasets.toDatasetDto),
  );
  app.post(
    '/datasets',
    {
      config: { access: 'datasets:manage' },
      schema: {
        tags,
        summary: 'Create an empty dataset (fill it with `weerbaar import ftm`)',
        body: createDatasetSchema,
        response: { 201: datasetSchema },
      },
    },
    async (req, reply) => {
      const row = await datasets.createOwnDataset(requestContext(req, ctx), req.body);
      return reply
        .status(201)
        .send(datasets.toDatasetDto({ dataset: row, via: 'organisation', purpose: null, sharedBy: null }));
    },
  );
  app.get(
    '/datasets/:datasetId',
    {
      config: { access: 'entities:read' },
      schema: { tags, summary: 'One dataset', params: datasetIdParams, response: { 200: datasetSchema } },
    },
    async (req) => datasets.toDatasetDto(await datasets.datasetAccess(requestContext(req, ctx), req.params.datasetId)),
  );
  registerDatasetGrantRoutes(app, ctx);
}

function registerDatasetGrantRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/datasets/:datasetId/grants',
    {
      config: { access: 'datasets:manage' },
      schema: {
        tags: ['sharing'],
        summary: 'Grants on a dataset (owner organisation)',
        params: datasetIdParams,
        response: { 200: z.array(grantSchema) },
      },
    },
    async (req) => datasets.listDatasetGrants(requestContext(req, ctx), req.params.datasetId),
  );
  app.post(
    '/datasets/:datasetId/grants',
    {
      config: { access: 'datasets:manage' },
      schema: {
        tags: ['sharing'],
        summary: 'Share a whole dataset with an organisation or named people (purpose, legal basis, expiry)',
        params: datasetIdParams,
        body: shareDatasetSchema,
        response: { 201: grantSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await datasets.shareDataset(requestContext(req, ctx), req.params.datasetId, req.body)),
  );
  app.delete(
    '/datasets/:datasetId/grants/:grantId',
    {
      config: { access: 'datasets:manage' },
      schema: {
        tags: ['sharing'],
        summary: 'Revoke a grant on a dataset; it stops working at once',
        params: datasetGrantParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await datasets.revokeDatasetGrant(requestContext(req, ctx), req.params.datasetId, req.params.grantId);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/datasets/:datasetId/tlp',
    {
      config: { access: 'datasets:manage' },
      schema: {
        tags: ['sharing'],
        summary: 'Set the TLP 2.0 marking of a dataset (RED: refused while organisation-wide grants are live)',
        params: datasetIdParams,
        body: tlpSchema,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await datasets.setDatasetTlp(requestContext(req, ctx), req.params.datasetId, req.body.tlp);
      return reply.status(204).send(null);
    },
  );
}
