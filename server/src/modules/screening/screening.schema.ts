import { z } from 'zod';
import { matchDecisionValues } from '../entities/entities.table.js';
import { createGrantSchema } from '../sharing/sharing.schema.js';
import { screeningOutcomes, screeningSchemata } from './screening.table.js';
import { tlpLevels } from '../sharing/sharing.table.js';

export const screeningParams = z.strictObject({ screeningId: z.uuid() });
export const screeningGrantParams = z.strictObject({ screeningId: z.uuid(), grantId: z.uuid() });

/** Schema and properties are checked against the FtM model by the service, so it can name the property. */
export const createScreeningSchema = z
  .strictObject({
    subject: z.strictObject({
      schema: z
        .string()
        .optional()
        .meta({ description: `FtM schema: ${screeningSchemata.join(', ')}` }),
      properties: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: 'FtM properties: name, birthDate, address, registrationNumber, nationality, …' }),
    }),
    datasetIds: z.array(z.uuid()).max(50).optional(),
    purpose: z.string().trim().min(3).max(500),
    caseReference: z.string().trim().max(100).optional(),
  })
  .meta({ id: 'CreateScreening' });
export type CreateScreeningInput = z.infer<typeof createScreeningSchema>;

const entityRef = z.object({ datasetId: z.uuid(), entityId: z.string() });

export const scoreItemSchema = z.object({
  feature: z.string(),
  kind: z.enum(['evidence', 'unknown', 'penalty']),
  weight: z.number(),
  value: z.number(),
  explanation: z.string(),
  label: z.string(),
});

export const decisionSummarySchema = z.object({
  decision: z.enum(matchDecisionValues),
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

export const candidateSchema = z.object({
  rank: z.number().int(),
  datasetId: z.uuid(),
  entityId: z.string(),
  caption: z.string(),
  schema: z.string(),
  score: z.number(),
  matchedName: z.string(),
  items: z.array(scoreItemSchema),
  isFlagged: z.boolean(),
  topics: z.array(z.string()),
  referents: z.array(entityRef),
  decision: decisionSummarySchema.nullable(),
});
export type CandidateDto = z.infer<typeof candidateSchema>;

const pathNodeSchema = z.object({
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  flagged: z.boolean(),
  topics: z.array(z.string()),
});
const pathEdgeSchema = z.object({
  id: z.string().nullable(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  role: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export const pathSchema = z.object({
  candidateEntityId: z.string(),
  datasetId: z.uuid(),
  length: z.number().int(),
  hubCount: z.number().int(),
  strength: z.number(),
  nodes: z.array(pathNodeSchema),
  edges: z.array(pathEdgeSchema),
});
export const skippedHubSchema = z.object({
  candidateEntityId: z.string(),
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  degree: z.number().int(),
  depth: z.number().int(),
});
export const redFlagSchema = z.object({
  candidateEntityId: z.string(),
  datasetId: z.uuid(),
  code: z.string(),
  severity: z.enum(['low', 'medium', 'high']),
  subject: z.string(),
  subjectCaption: z.string(),
  textNl: z.string(),
  textEn: z.string(),
  evidence: z.array(z.string()),
  /** Names of evidence entities (id → caption) where the register has one; absent in older records. */
  evidenceCaptions: z.record(z.string(), z.string()).optional(),
});

export const screeningResultSchema = z.object({
  candidates: z.array(candidateSchema),
  paths: z.array(pathSchema),
  skippedHubs: z.array(skippedHubSchema),
  redFlags: z.array(redFlagSchema),
  maxHops: z.number().int(),
});
export type ScreeningResult = z.infer<typeof screeningResultSchema>;
export type PathDto = z.infer<typeof pathSchema>;
export type RedFlagDto = z.infer<typeof redFlagSchema>;
export type SkippedHubDto = z.infer<typeof skippedHubSchema>;

const datasetRef = z.object({ id: z.uuid(), name: z.string(), title: z.string() });

const conclusionSchema = z.object({
  outcome: z.enum(screeningOutcomes),
  text: z.string(),
  concludedBy: z.string(),
  concludedAt: z.string(),
});

export const screeningSummarySchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    createdBy: z.string(),
    purpose: z.string(),
    caseReference: z.string().nullable(),
    subjectSchema: z.enum(screeningSchemata),
    subjectCaption: z.string(),
    candidateCount: z.number().int(),
    redFlagCount: z.number().int(),
    outcome: z.enum(screeningOutcomes).nullable(),
    /** TLP 2.0 marking; RED lets grants go to named people only. */
    tlp: z.enum(tlpLevels),
  })
  .meta({ id: 'ScreeningSummary' });
export type ScreeningSummary = z.infer<typeof screeningSummarySchema>;

export const screeningSchema = screeningSummarySchema
  .extend({
    subject: z.object({ schema: z.enum(screeningSchemata), properties: z.record(z.string(), z.array(z.string())) }),
    datasets: z.array(datasetRef),
    result: screeningResultSchema,
    /** The current conclusion: the newest of `conclusions`. */
    conclusion: conclusionSchema.nullable(),
    /** Every conclusion recorded, newest first (kept, never overwritten). */
    conclusions: z.array(conclusionSchema),
    access: z.object({
      via: z.enum(['organisation', 'grant']),
      sharedBy: z.string().nullable(),
      /** The purpose of the reader's access (the reason given, or the grant's purpose). */
      purpose: z.string().nullable(),
      /** Whether the reader may record a conclusion (the user who ran it, or a Bibob coordinator). */
      mayConclude: z.boolean(),
      /** Whether the reader may share the screening and set its TLP marking (owner organisation). */
      mayShare: z.boolean(),
    }),
  })
  .meta({ id: 'Screening' });
export type ScreeningDto = z.infer<typeof screeningSchema>;

export const screeningDecisionSchema = z
  .strictObject({
    datasetId: z.uuid(),
    entityId: z.string().min(1).max(1024),
    decision: z.enum(matchDecisionValues),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'ScreeningDecision' });
export type ScreeningDecisionInput = z.infer<typeof screeningDecisionSchema>;

export const screeningConclusionSchema = z
  .strictObject({ outcome: z.enum(screeningOutcomes), text: z.string().trim().min(3).max(5000) })
  .meta({ id: 'ScreeningConclusion' });
export type ScreeningConclusionInput = z.infer<typeof screeningConclusionSchema>;

/** A screening is shared whole, like a dataset. */
export const shareScreeningSchema = createGrantSchema
  .extend({ parts: z.array(z.literal('kern')).max(1).default(['kern']) })
  .meta({ id: 'ShareScreening' });

export const screeningListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
