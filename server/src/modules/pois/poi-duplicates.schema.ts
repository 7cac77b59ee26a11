import { z } from 'zod';
import { duplicateDecisions } from './pois.table.js';

export const duplicateDecisionInputSchema = z
  .strictObject({
    otherPoiId: z.uuid(),
    decision: z.enum(duplicateDecisions),
    note: z.string().trim().max(2000).optional(),
  })
  .meta({ id: 'DecidePoiDuplicate' });
export type DuplicateDecisionInput = z.infer<typeof duplicateDecisionInputSchema>;

export const duplicateDecisionSchema = z
  .object({
    id: z.uuid(),
    poiId: z.uuid(),
    otherPoiId: z.uuid(),
    decision: z.enum(duplicateDecisions),
    note: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .meta({ id: 'PoiDuplicateDecision' });
export type DuplicateDecisionDto = z.infer<typeof duplicateDecisionSchema>;

export const scoreItemSchema = z.object({
  feature: z.enum(['name', 'birthDate', 'address', 'identifier', 'country', 'schema']),
  kind: z.enum(['evidence', 'unknown', 'penalty']),
  weight: z.number(),
  value: z.number(),
  explanation: z.string(),
  label: z.string(),
});

export const possibleDuplicateSchema = z
  .object({
    poiId: z.uuid(),
    /** The organisation the suggested person belongs to: the own, or the one that shared it. */
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    displayName: z.string(),
    birthDate: z.string().nullable(),
    matchedName: z.string(),
    score: z.number(),
    explanation: z.array(scoreItemSchema),
    /** The latest decision on this pair, if someone made one ('different' pairs are left out). */
    decision: z.enum(['same', 'unsure']).nullable(),
  })
  .meta({ id: 'PoiPossibleDuplicate' });
export type PossibleDuplicateDto = z.infer<typeof possibleDuplicateSchema>;

export const possibleDuplicatesQuery = z.strictObject({
  minScore: z.coerce.number().min(0).max(1).default(0.5),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
