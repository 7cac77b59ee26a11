import { z } from 'zod';
import { createGrantSchema } from '../sharing/sharing.schema.js';
import { sharingPurposes, tlpLevels } from '../sharing/sharing.table.js';
import { datasetKinds, matchDecisionValues } from './entities.table.js';

const entityId = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[^\s\p{Cc}]+$/u, 'must be an FtM entity id');

export const datasetIdParams = z.strictObject({ datasetId: z.uuid() });
export const entityParams = z.strictObject({ datasetId: z.uuid(), entityId });
export const datasetGrantParams = z.strictObject({ datasetId: z.uuid(), grantId: z.uuid() });
export const flagIdParams = z.strictObject({ flagId: z.uuid() });

export const datasetSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    title: z.string(),
    kind: z.enum(datasetKinds),
    entityCount: z.number().int(),
    via: z.enum(['organisation', 'grant']),
    purpose: z.enum(sharingPurposes).nullable(),
    sharedBy: z.string().nullable(),
    /** TLP 2.0 marking; RED lets grants go to named people only. */
    tlp: z.enum(tlpLevels),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Dataset' });
export type DatasetDto = z.infer<typeof datasetSchema>;

export const createDatasetSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lower-case letters, digits and hyphens (at most 63)'),
    title: z.string().trim().min(3).max(200),
    kind: z.enum(datasetKinds),
  })
  .meta({ id: 'CreateDataset' });

/** A dataset grant always shares the whole dataset, so parts may be left out. */
export const shareDatasetSchema = createGrantSchema
  .extend({ parts: z.array(z.literal('kern')).max(1).default(['kern']) })
  .meta({ id: 'ShareDataset' });

const entityRef = z.object({ datasetId: z.uuid(), id: z.string() });

export const entitySummarySchema = z
  .object({
    datasetId: z.uuid(),
    id: z.string(),
    schema: z.string(),
    caption: z.string(),
    isFlagged: z.boolean(),
    canonical: entityRef,
  })
  .meta({ id: 'EntitySummary' });
export type EntitySummary = z.infer<typeof entitySummarySchema>;

export const entityFlagSchema = z
  .object({
    id: z.uuid(),
    reason: z.string(),
    flaggedBy: z.string(),
    flaggedAt: z.string(),
    isOwnOrganisation: z.boolean(),
  })
  .meta({ id: 'EntityFlag' });
export type EntityFlagDto = z.infer<typeof entityFlagSchema>;

export const tieSchema = z
  .object({
    direction: z.enum(['out', 'in']),
    /** The FtM property that holds the reference (director, addressEntity, ...). */
    property: z.string(),
    /** The edge entity (Directorship, Ownership, ...) when the tie is one; null for a plain reference. */
    edge: z
      .object({
        id: z.string(),
        schema: z.string(),
        role: z.string().nullable(),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      })
      .nullable(),
    other: entitySummarySchema.nullable(),
  })
  .meta({ id: 'EntityTie' });
export type TieDto = z.infer<typeof tieSchema>;

export const entitySchema = z
  .object({
    datasetId: z.uuid(),
    id: z.string(),
    schema: z.string(),
    caption: z.string(),
    properties: z.record(z.string(), z.array(z.string())),
    firstSeen: z.string(),
    lastSeen: z.string(),
    isFlagged: z.boolean(),
    flaggedTopics: z.array(z.string()),
    flags: z.array(entityFlagSchema),
    canonical: entityRef,
    cluster: z.array(entitySummarySchema),
    ties: z.array(tieSchema),
    isTiesTruncated: z.boolean(),
    access: z.object({
      via: z.enum(['organisation', 'grant']),
      purpose: z.enum(sharingPurposes).nullable(),
      sharedBy: z.string().nullable(),
    }),
  })
  .meta({ id: 'Entity' });
export type EntityDto = z.infer<typeof entitySchema>;

export const entitySearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'type the start of a name').max(200),
  datasetId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type EntitySearchQuery = z.infer<typeof entitySearchQuery>;

export const createFlagSchema = z
  .strictObject({ reason: z.string().trim().min(3, 'give the reason').max(1000) })
  .meta({ id: 'CreateEntityFlag' });

const pairSide = z.strictObject({ datasetId: z.uuid(), entityId });

export const createDecisionSchema = z
  .strictObject({
    left: pairSide,
    right: pairSide,
    decision: z.enum(matchDecisionValues),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'CreateMatchDecision' });
export type CreateDecisionInput = z.infer<typeof createDecisionSchema>;

export const matchDecisionSchema = z
  .object({
    id: z.uuid(),
    left: entityRef,
    right: entityRef,
    decision: z.enum(matchDecisionValues),
    note: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
    /** The latest decision on its pair: the one that counts. */
    isCurrent: z.boolean(),
  })
  .meta({ id: 'MatchDecision' });
export type MatchDecisionDto = z.infer<typeof matchDecisionSchema>;
