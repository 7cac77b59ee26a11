import { z } from 'zod';
import { defaultThreatConfig } from './engine/threat-config.js';
import { defaultStelselConfig } from './engine/stelsel-config.js';
import { factorStatuses, threatFactorNames, type ThreatFactorName } from './engine/threat-input.js';

// Levels, products and authorities come from the engine's configuration: the Stelsel is being reformed.
const codes = (xs: readonly { code: string }[]) => xs.map((x) => x.code) as [string, ...string[]];
export const levelCodes = codes(defaultThreatConfig.scale);
export const productCodes = codes(defaultStelselConfig.products);
export const authorityCodes = codes(defaultStelselConfig.authorities);

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const factorStatus = () => z.enum(factorStatuses).optional();

/** Factor coding: each factor present / absent / unknown; an unknown key is refused with its path. */
export const factorsSchema = z
  .strictObject(
    Object.fromEntries(threatFactorNames.map((n) => [n, factorStatus()])) as Record<
      ThreatFactorName,
      ReturnType<typeof factorStatus>
    >,
  )
  .meta({ id: 'ThreatFactors' });
export type FactorsInput = z.infer<typeof factorsSchema>;

export const adviceRequestSchema = z
  .strictObject({ factors: factorsSchema.optional() })
  .meta({ id: 'ThreatAdviceRequest' });

export const createAssessmentSchema = z
  .strictObject({
    factors: factorsSchema.optional(),
    decidedLevel: z.enum(levelCodes),
    decisionReason: text(4000).min(3).optional(),
    product: z.enum(productCodes),
    authority: z.enum(authorityCodes),
    validFrom: isoDate.optional(),
    validUntil: isoDate,
  })
  .meta({ id: 'CreateThreatAssessment' });
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

const contributionSchema = z.object({
  kind: z.enum(['factor', 'incident', 'pattern']),
  ref: z.string(),
  label_nl: z.string(),
  label_en: z.string(),
  points: z.number(),
  explanation: z.string(),
  explanation_nl: z.string(),
});

export const adviceSchema = z
  .object({
    level: z.string(),
    level_label_nl: z.string(),
    level_label_en: z.string(),
    score: z.number(),
    contributions: z.array(contributionSchema),
    incidentsConsidered: z.array(z.string()),
    informationGaps: z.array(z.object({ factor: z.string(), label_nl: z.string(), label_en: z.string() })),
    summary_nl: z.string(),
    summary_en: z.string(),
  })
  .meta({ id: 'ThreatAdvice' });

export const assessmentSchema = z
  .object({
    id: z.uuid(),
    officeholderId: z.uuid(),
    assessedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    assessedAt: z.string(),
    advice: adviceSchema,
    decidedLevel: z.string(),
    decisionReason: z.string().nullable(),
    direction: z.enum(['higher', 'lower', 'same']),
    factors: z.record(z.string(), z.enum(factorStatuses)),
    product: z.string(),
    authority: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    isExpired: z.boolean(),
  })
  .meta({ id: 'ThreatAssessment' });
export type AssessmentDto = z.infer<typeof assessmentSchema>;

export const planChangeSchema = z
  .object({
    planId: z.uuid(),
    direction: z.enum(['up', 'down', 'same']),
    proposedCodes: z.array(z.string()),
    scaleDownCodes: z.array(z.string()),
    taskId: z.uuid().nullable(),
    workOrderIds: z.array(z.uuid()),
    nextReviewAt: z.string(),
  })
  .meta({ id: 'PlanChange' });

export const createdAssessmentSchema = z
  .object({ assessment: assessmentSchema, planChange: planChangeSchema })
  .meta({ id: 'CreatedThreatAssessment' });

export const setFactorsSchema = z.strictObject({ factors: factorsSchema }).meta({ id: 'SetThreatFactors' });

export const threatProfileSchema = z
  .object({
    officeholderId: z.uuid(),
    factors: z.record(z.string(), z.enum(factorStatuses)),
    updatedAt: z.string().nullable(),
    reassessmentReasons: z.array(
      z.object({ code: z.string(), isUrgent: z.boolean(), label_nl: z.string(), label_en: z.string() }),
    ),
  })
  .meta({ id: 'ThreatProfile' });

export const boardItemSchema = z
  .object({
    officeholderId: z.uuid(),
    fullName: z.string(),
    office: z.string(),
    currentLevel: z.string().nullable(),
    previousLevel: z.string().nullable(),
    trend: z.enum(['up', 'down', 'same', 'new', 'none']),
    assessedAt: z.string().nullable(),
    validUntil: z.string().nullable(),
    isAssessmentExpired: z.boolean(),
    reviewDueAt: z.string().nullable(),
    isReviewOverdue: z.boolean(),
  })
  .meta({ id: 'ThreatBoardItem' });
export type BoardItem = z.infer<typeof boardItemSchema>;

const labelled = z.object({ code: z.string(), label_nl: z.string(), label_en: z.string() });
export const threatConfigDtoSchema = z
  .object({
    levels: z.array(labelled),
    products: z.array(labelled),
    authorities: z.array(labelled),
    factors: z.array(labelled),
  })
  .meta({ id: 'ThreatConfiguration' });

export const officeholderParams = z.strictObject({ officeholderId: z.uuid() });
