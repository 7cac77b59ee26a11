import { z } from 'zod';
import { monotonePatterns, threatFactorNames, threatIncidentForms } from './threat-input.js';

const levelSchema = z.object({
  code: z.string().regex(/^[a-z][a-z_]*$/),
  label_nl: z.string().min(1),
  label_en: z.string().min(1),
  /** Lowest score that reaches this level. */
  minScore: z.number().min(0).finite(),
});
export type ThreatLevelDefinition = z.infer<typeof levelSchema>;

const points = z.number().min(0).finite();

const combinationSchema = z.object({
  id: z.string().regex(/^[a-z][a-z_]*$/),
  label_nl: z.string().min(1),
  label_en: z.string().min(1),
  factors: z.array(z.enum(threatFactorNames)),
  // Only patterns that never switch off when incidents are added may be combined, so the
  // "adding an incident never lowers the level" guarantee holds.
  patterns: z.array(z.enum(monotonePatterns)),
  points,
});
export type FactorCombination = z.infer<typeof combinationSchema>;

const baseSchema = z.object({
  scale: z.array(levelSchema).min(2),
  /** Points per severity 1..5 (index 0 is severity 1). */
  severityPoints: z.tuple([points, points, points, points, points]),
  /** Multiplier for the heaviest form of an incident; at least 1 so no form discounts an incident. */
  formWeights: z.record(z.enum(threatIncidentForms), z.number().min(1).finite()),
  /** Age bands; incidents older than the last band are not considered. */
  recencyBands: z.array(z.object({ maxAgeDays: z.number().int().positive(), factor: z.number().min(0).max(1) })).min(1),
  windows: z.object({ recentDays: z.number().int().positive(), priorDays: z.number().int().positive() }),
  frequencySteps: z.array(z.object({ minCount: z.number().int().min(1), points })),
  trend: z.object({ pointsPerSeverity: points, maxPoints: points }),
  patternPoints: z.record(z.enum(monotonePatterns), points),
  factorPoints: z.record(z.enum(threatFactorNames), points),
  combinations: z.array(combinationSchema),
});
export type ThreatConfig = z.infer<typeof baseSchema>;

type Issue = { path: (string | number)[]; message: string };

function isStrictlyIncreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? Number.NEGATIVE_INFINITY));
}

function isNonDecreasing(values: number[]): boolean {
  return values.every((v, i) => i === 0 || v >= (values[i - 1] ?? Number.NEGATIVE_INFINITY));
}

function scaleIssues(config: ThreatConfig): Issue[] {
  const issues: Issue[] = [];
  if (config.scale[0]?.minScore !== 0)
    issues.push({ path: ['scale', 0, 'minScore'], message: 'the lowest level must start at 0' });
  if (!isStrictlyIncreasing(config.scale.map((l) => l.minScore)))
    issues.push({ path: ['scale'], message: 'minScore must increase strictly from low to high' });
  if (new Set(config.scale.map((l) => l.code)).size !== config.scale.length)
    issues.push({ path: ['scale'], message: 'level codes must be unique' });
  return issues;
}

/** Lowest recency factor applied to any age inside the prior trend window. */
export function minPriorRecencyFactor(config: ThreatConfig): number {
  const from = config.windows.recentDays;
  const to = from + config.windows.priorDays;
  let lowerBound = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const band of config.recencyBands) {
    if (band.maxAgeDays > from && lowerBound < to) min = Math.min(min, band.factor);
    lowerBound = band.maxAgeDays;
  }
  return Number.isFinite(min) ? min : 0;
}

function monotonicityIssues(config: ThreatConfig): Issue[] {
  const issues: Issue[] = [];
  const bands = config.recencyBands;
  if (!isStrictlyIncreasing(bands.map((b) => b.maxAgeDays)) || !isNonDecreasing(bands.map((b) => -b.factor)))
    issues.push({ path: ['recencyBands'], message: 'bands must get older and never weigh older incidents more' });
  const horizon = bands[bands.length - 1]?.maxAgeDays ?? 0;
  if (horizon < config.windows.recentDays + config.windows.priorDays)
    issues.push({ path: ['recencyBands'], message: 'the last band must cover both trend windows' });
  const steps = config.frequencySteps;
  if (!isStrictlyIncreasing(steps.map((s) => s.minCount)) || !isNonDecreasing(steps.map((s) => s.points)))
    issues.push({ path: ['frequencySteps'], message: 'steps must rise in count and never fall in points' });
  if (!isNonDecreasing(config.severityPoints))
    issues.push({ path: ['severityPoints'], message: 'a more severe incident may not weigh less' });
  issues.push(...trendCompensationIssues(config));
  return issues;
}

// An older incident lowers the trend (it raises the baseline). The guarantee that adding an
// incident never lowers the advice therefore needs every prior-window incident to earn at least
// the trend points it can take away; the margin absorbs rounding to hundredths.
function trendCompensationIssues(config: ThreatConfig): Issue[] {
  const ratio = config.windows.recentDays / config.windows.priorDays;
  const factor = minPriorRecencyFactor(config);
  return config.severityPoints.flatMap((pts, index): Issue[] => {
    const maxLoss = config.trend.pointsPerSeverity * (index + 1) * ratio;
    return pts * factor >= maxLoss + 0.02
      ? []
      : [
          {
            path: ['trend', 'pointsPerSeverity'],
            message: `severity ${index + 1} earns less than the trend it can take away`,
          },
        ];
  });
}

/** Zod schema of the threat configuration, including the cross-field rules that keep advice monotone. */
export const threatConfigSchema = baseSchema.superRefine((config, ctx) => {
  for (const issue of [...scaleIssues(config), ...monotonicityIssues(config)]) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
  if (new Set(config.combinations.map((c) => c.id)).size !== config.combinations.length)
    ctx.addIssue({ code: 'custom', path: ['combinations'], message: 'combination ids must be unique' });
});

/** Parses an untrusted configuration; a bad one yields the zod issues instead of a config. */
export function parseThreatConfig(input: unknown): ReturnType<typeof threatConfigSchema.safeParse> {
  return threatConfigSchema.safeParse(input);
}

export const defaultThreatConfig: ThreatConfig = threatConfigSchema.parse({
  scale: [
    { code: 'laag', label_nl: 'Laag', label_en: 'Low', minScore: 0 },
    { code: 'verhoogd', label_nl: 'Verhoogd', label_en: 'Elevated', minScore: 10 },
    { code: 'hoog', label_nl: 'Hoog', label_en: 'High', minScore: 25 },
    { code: 'acuut', label_nl: 'Acuut', label_en: 'Acute', minScore: 55 },
  ],
  severityPoints: [1, 2, 4, 6, 9],
  formWeights: {
    verbale_agressie: 1,
    discriminatie: 1,
    online_haat: 1,
    bedreiging_intimidatie: 1.25,
    vernieling: 1.25,
    doxing: 1.5,
    stalking: 1.5,
    fysiek_geweld: 2,
  },
  recencyBands: [
    { maxAgeDays: 30, factor: 1 },
    { maxAgeDays: 120, factor: 0.6 },
    { maxAgeDays: 365, factor: 0.3 },
  ],
  windows: { recentDays: 30, priorDays: 90 },
  frequencySteps: [
    { minCount: 2, points: 3 },
    { minCount: 3, points: 6 },
    { minCount: 5, points: 10 },
  ],
  trend: { pointsPerSeverity: 0.5, maxPoints: 8 },
  patternPoints: { home_approach: 8, naasten_targeted: 6, online_to_physical: 6, repeat_perpetrator: 4 },
  factorPoints: {
    fixation: 6,
    grievance: 3,
    pathway: 8,
    leakage: 6,
    direct_threat: 12,
    history_of_violence: 8,
    access_to_weapons: 10,
    criminal_network_ties: 8,
    persistence_despite_intervention: 6,
    targeting_naasten: 6,
  },
  combinations: [
    {
      id: 'threat_with_means',
      label_nl: 'Directe bedreiging én toegang tot wapens',
      label_en: 'Direct threat and access to weapons',
      factors: ['direct_threat', 'access_to_weapons'],
      patterns: [],
      points: 10,
    },
    {
      id: 'threat_with_means_at_home',
      label_nl: 'Bedreiging met middelen en benadering van de woning',
      label_en: 'Threat with means and approach of the home',
      factors: ['direct_threat', 'access_to_weapons'],
      patterns: ['home_approach'],
      points: 15,
    },
    {
      id: 'fixation_with_pathway',
      label_nl: 'Fixatie met voorbereidend gedrag',
      label_en: 'Fixation with pathway behaviour',
      factors: ['fixation', 'pathway'],
      patterns: [],
      points: 6,
    },
    {
      id: 'criminal_threat',
      label_nl: 'Directe bedreiging vanuit crimineel netwerk',
      label_en: 'Direct threat from a criminal network',
      factors: ['direct_threat', 'criminal_network_ties'],
      patterns: [],
      points: 6,
    },
  ],
});
