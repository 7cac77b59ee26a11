import { z } from 'zod';
import type { RecommendationMatrix } from './recommendation-matrix.js';

const daysPerLevel = z.record(z.string().regex(/^[a-z][a-z_]*$/), z.number().int().min(0));

/** Deadlines and review rhythm per threat level. */
export const planConfigSchema = z.object({
  /** Days the plan owner gets to act on a raised level. */
  taskDeadlineDays: daysPerLevel,
  /** Days an executing organisation gets to prepare a proposed measure (survey, quote). */
  workOrderDueDays: daysPerLevel,
  /** Days until the next plan review after a (re)assessment at this level. */
  reviewIntervalDays: daysPerLevel,
  /** Days the owner gets to weigh scale-down proposals after a level falls. */
  scaleDownTaskDays: z.number().int().min(1),
});
export type PlanConfig = z.infer<typeof planConfigSchema>;

/** Validates a plan configuration and checks that every matrix level has its days. */
export function parsePlanConfig(
  input: unknown,
  matrix: RecommendationMatrix,
): { ok: true; value: PlanConfig } | { ok: false; issues: string[] } {
  const parsed = planConfigSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  const issues = matrix.levels.flatMap(({ level }) =>
    (['taskDeadlineDays', 'workOrderDueDays', 'reviewIntervalDays'] as const)
      .filter((key) => parsed.data[key][level] === undefined)
      .map((key) => `${key}: missing level ${level}`),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: parsed.data };
}

export const defaultPlanConfig: PlanConfig = planConfigSchema.parse({
  taskDeadlineDays: { laag: 30, verhoogd: 14, hoog: 3, acuut: 1 },
  workOrderDueDays: { laag: 60, verhoogd: 30, hoog: 7, acuut: 1 },
  reviewIntervalDays: { laag: 365, verhoogd: 180, hoog: 90, acuut: 14 },
  scaleDownTaskDays: 30,
});

const DAY_MS = 86_400_000;

/** ISO timestamp a number of days after `from`. */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(from) + days * DAY_MS).toISOString();
}
