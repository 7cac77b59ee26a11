import { z } from 'zod';
import { ccvScanAreas } from '../measures/engine/measure-types.js';
import { findingSeverities } from './engine/scan-types.js';
import { scanStatuses } from './scans.table.js';

const text = (max: number) => z.string().trim().max(max);

export const createScanSchema = z
  .strictObject({
    areas: z
      .array(z.enum(ccvScanAreas))
      .min(1)
      .max(4)
      .default([...ccvScanAreas]),
  })
  .meta({ id: 'CreateSecurityScan' });
export type CreateScanInput = z.infer<typeof createScanSchema>;

export const answerScanSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          questionCode: text(80).min(1),
          answerCode: text(40).min(1),
          note: text(2000).nullable().optional(),
        }),
      )
      .min(1)
      .max(60),
  })
  .meta({ id: 'AnswerSecurityScan' });
export type AnswerScanInput = z.infer<typeof answerScanSchema>;

export const scanFindingSchema = z
  .object({
    id: z.uuid(),
    area: z.enum(ccvScanAreas),
    questionCode: z.string(),
    question_nl: z.string(),
    question_en: z.string(),
    answerCode: z.string(),
    answer_nl: z.string(),
    answer_en: z.string(),
    severity: z.enum(findingSeverities),
    title_nl: z.string(),
    title_en: z.string(),
    measures: z.array(z.object({ code: z.string(), name_nl: z.string(), name_en: z.string() })),
    proposedAt: z.string().nullable(),
  })
  .meta({ id: 'SecurityScanFinding' });
export type ScanFindingDto = z.infer<typeof scanFindingSchema>;

export const scanSchema = z
  .object({
    id: z.uuid(),
    officeholderId: z.uuid(),
    areas: z.array(z.enum(ccvScanAreas)),
    status: z.enum(scanStatuses),
    progress: z.object({ answered: z.number().int(), total: z.number().int() }),
    answers: z.array(
      z.object({
        questionCode: z.string(),
        answerCode: z.string(),
        note: z.string().nullable(),
        answeredAt: z.string(),
      }),
    ),
    findings: z.array(scanFindingSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'SecurityScan' });
export type ScanDto = z.infer<typeof scanSchema>;

export const scanListItemSchema = z
  .object({
    id: z.uuid(),
    officeholderId: z.uuid(),
    areas: z.array(z.enum(ccvScanAreas)),
    status: z.enum(scanStatuses),
    findingCount: z.number().int(),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'SecurityScanListItem' });
export type ScanListItem = z.infer<typeof scanListItemSchema>;

export const proposalResultSchema = z
  .object({
    planId: z.uuid(),
    proposed: z.array(z.object({ code: z.string(), measureId: z.uuid() })),
    alreadyInPlan: z.array(z.string()),
    scan: scanSchema,
  })
  .meta({ id: 'SecurityScanProposal' });
export type ProposalResult = z.infer<typeof proposalResultSchema>;

export const questionnaireSchema = z
  .array(
    z.object({
      area: z.enum(ccvScanAreas),
      label_nl: z.string(),
      label_en: z.string(),
      questions: z.array(
        z.object({
          code: z.string(),
          text_nl: z.string(),
          text_en: z.string(),
          options: z.array(
            z.object({
              code: z.string(),
              label_nl: z.string(),
              label_en: z.string(),
              severity: z.enum(findingSeverities).nullable(),
              measureCodes: z.array(z.string()),
            }),
          ),
        }),
      ),
    }),
  )
  .meta({ id: 'SecurityScanQuestionnaire' });
export type QuestionnaireDto = z.infer<typeof questionnaireSchema>;

export const officeholderParams = z.strictObject({ officeholderId: z.uuid() });
export const scanIdParams = z.strictObject({ scanId: z.uuid() });
export const findingParams = z.strictObject({ scanId: z.uuid(), findingId: z.uuid() });
