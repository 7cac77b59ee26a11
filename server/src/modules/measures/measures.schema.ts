import { z } from 'zod';
import { defaultStelselConfig } from '../threats/engine/stelsel-config.js';
import { ccvScanAreas, costUnits, measureExecutors, measureKinds, measureStatuses } from './engine/measure-types.js';
import { workOrderProgress } from './measures.table.js';

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const authorityCodes = defaultStelselConfig.authorities.map((a) => a.code) as [string, ...string[]];

export const postalAddressSchema = z.strictObject({
  street: text(200).min(1),
  houseNumber: text(20).min(1),
  postcode: text(10).regex(/^[1-9][0-9]{3} ?[A-Z]{2}$/, 'must be a Dutch postcode such as 1234 AB'),
  city: text(100).min(1),
});
const householdMemberSchema = z.strictObject({ name: text(200).min(1), relation: text(100).min(1) });

export const upsertPlanSchema = z
  .strictObject({
    ownerUserId: z.uuid().optional(),
    executingOrganisationId: z.uuid().nullable().optional(),
    contact: z
      .strictObject({ name: text(200).min(1), phone: text(30).min(6) })
      .nullable()
      .optional(),
    homeAddress: postalAddressSchema.nullable().optional(),
    household: z.array(householdMemberSchema).max(20).optional(),
    reviewDueAt: isoDate.nullable().optional(),
  })
  .meta({ id: 'UpsertMeasurePlan' });
export type UpsertPlanInput = z.infer<typeof upsertPlanSchema>;

export const addMeasureSchema = z
  .strictObject({
    code: z.string().trim().min(1).max(60),
    decidingAuthority: z.enum(authorityCodes).optional(),
    executingOrganisationId: z.uuid().nullable().optional(),
    costEuro: z.number().min(0).max(1_000_000).nullable().optional(),
    residenceId: text(100).nullable().optional(),
    startDate: isoDate.nullable().optional(),
    endDate: isoDate.nullable().optional(),
    reason: text(2000).optional(),
  })
  .meta({ id: 'AddPlanMeasure' });
export type AddMeasureInput = z.infer<typeof addMeasureSchema>;

export const updateMeasureSchema = addMeasureSchema
  .omit({ code: true, reason: true })
  .strict()
  .meta({ id: 'UpdatePlanMeasure' });
export type UpdateMeasureInput = z.infer<typeof updateMeasureSchema>;

export const measureStatusChangeSchema = z
  .strictObject({ status: z.enum(measureStatuses), reason: text(2000).optional() })
  .meta({ id: 'PlanMeasureStatusChange' });
export type MeasureStatusChangeInput = z.infer<typeof measureStatusChangeSchema>;

export const planMeasureSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name_nl: z.string(),
    name_en: z.string(),
    area: z.enum(ccvScanAreas),
    kind: z.enum(measureKinds),
    status: z.enum(measureStatuses),
    statusReason: z.string().nullable(),
    decidingAuthority: z.string().nullable(),
    executingOrganisationId: z.uuid().nullable(),
    costEuro: z.number().nullable(),
    residenceId: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    proposalReason: z.string().nullable(),
    workOrder: z
      .object({ id: z.uuid(), progress: z.enum(workOrderProgress), progressNote: z.string().nullable() })
      .nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PlanMeasure' });
export type PlanMeasureDto = z.infer<typeof planMeasureSchema>;

const fundingLine = z.object({
  measureId: z.string(),
  code: z.string(),
  costEuro: z.number(),
  coveredEuro: z.number(),
  exceedingEuro: z.number(),
  isEstimate: z.boolean(),
});
export const fundingSummarySchema = z
  .object({
    capEuro: z.number(),
    residences: z.array(
      z.object({
        residenceId: z.string(),
        capEuro: z.number(),
        eligibleEuro: z.number(),
        coveredEuro: z.number(),
        exceedingEuro: z.number(),
        remainingCapEuro: z.number(),
        lines: z.array(fundingLine),
      }),
    ),
    notEligible: z.array(
      z.object({ measureId: z.string(), code: z.string(), costEuro: z.number(), reason: z.string() }),
    ),
    totals: z.object({ coveredEuro: z.number(), exceedingEuro: z.number(), notEligibleEuro: z.number() }),
  })
  .meta({ id: 'FundingSummary' });

export const planSchema = z
  .object({
    id: z.uuid(),
    officeholderId: z.uuid(),
    ownerUserId: z.uuid(),
    executingOrganisationId: z.uuid().nullable(),
    contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
    homeAddress: postalAddressSchema.nullable(),
    household: z.array(householdMemberSchema),
    currentLevel: z.string().nullable(),
    reviewDueAt: z.string().nullable(),
    isReviewOverdue: z.boolean(),
    measures: z.array(planMeasureSchema),
    /** Live measures the matrix ties only to levels above the current one: candidates to weigh, never removed by itself. */
    scaleDownCandidates: z.array(z.object({ measureId: z.uuid(), code: z.string() })),
    funding: fundingSummarySchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'MeasurePlan' });
export type PlanDto = z.infer<typeof planSchema>;

export const catalogueMeasureDtoSchema = z
  .object({
    code: z.string(),
    name_nl: z.string(),
    name_en: z.string(),
    description_nl: z.string(),
    description_en: z.string(),
    area: z.enum(ccvScanAreas),
    kind: z.enum(measureKinds),
    cost: z.object({ minEuro: z.number(), maxEuro: z.number(), unit: z.enum(costUnits) }),
    executor: z.enum(measureExecutors),
    preventiveSchemeEligible: z.boolean(),
    needsAddressWhileActive: z.boolean(),
  })
  .meta({ id: 'CatalogueMeasure' });

export const planParams = z.strictObject({ officeholderId: z.uuid() });
export const planMeasureParams = z.strictObject({ officeholderId: z.uuid(), measureId: z.uuid() });
