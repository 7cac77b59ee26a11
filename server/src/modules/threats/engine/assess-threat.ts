import { scoreCombinations, scoreFactors } from './factor-scoring.js';
import type { InformationGap } from './factor-scoring.js';
import { detectPatterns } from './incident-patterns.js';
import { scoreIncident, selectConsideredIncidents } from './incident-scoring.js';
import { defaultThreatConfig } from './threat-config.js';
import type { ThreatConfig, ThreatLevelDefinition } from './threat-config.js';
import { compareContributions, toHundredths } from './threat-contribution.js';
import type { ThreatContribution } from './threat-contribution.js';
import type { ThreatAssessmentInput } from './threat-input.js';

/** The explained advice of one assessment. */
export type ThreatAdvice = {
  level: string;
  level_label_nl: string;
  level_label_en: string;
  score: number;
  contributions: ThreatContribution[];
  /** Ids of the incidents inside the horizon, oldest first. */
  incidentsConsidered: string[];
  informationGaps: InformationGap[];
  /** One sentence naming the level, the weightiest reasons and the number of information gaps. */
  summary_nl: string;
  summary_en: string;
};

// The three weightiest reasons are enough for a headline; the full list stays in `contributions`.
function summarise(
  level: ThreatLevelDefinition,
  score: number,
  contributions: ThreatContribution[],
  gaps: number,
): Pick<ThreatAdvice, 'summary_nl' | 'summary_en'> {
  const top = contributions.slice(0, 3);
  const nlReasons = top.length > 0 ? top.map((c) => c.label_nl.toLowerCase()).join('; ') : 'geen';
  const enReasons = top.length > 0 ? top.map((c) => c.label_en.toLowerCase()).join('; ') : 'none';
  return {
    summary_nl: `Advies ${level.label_nl.toLowerCase()} (score ${String(score).replace('.', ',')}). Zwaarste redenen: ${nlReasons}. Onbekende factoren: ${gaps}.`,
    summary_en: `Advice ${level.label_en.toLowerCase()} (score ${score}). Weightiest reasons: ${enReasons}. Unknown factors: ${gaps}.`,
  };
}

/** Highest level on the scale whose minimum score is reached. */
export function levelForScore(score: number, config: ThreatConfig = defaultThreatConfig): ThreatLevelDefinition {
  const reached = config.scale.filter((level) => score >= level.minScore);
  const level = reached[reached.length - 1] ?? config.scale[0];
  if (!level) throw new Error('threat scale is empty; the config schema requires at least two levels');
  return level;
}

/** Advises a threat level from the incident pattern and the SPJ factors, explaining every point. */
export function assessThreat(input: ThreatAssessmentInput, config: ThreatConfig = defaultThreatConfig): ThreatAdvice {
  const considered = selectConsideredIncidents(input.incidents, input.asOf, config);
  const patterns = detectPatterns(considered, config);
  const factors = scoreFactors(input.factors, config);
  const contributions = [
    ...considered.map((c) => scoreIncident(c, config)).filter((c) => c.points > 0),
    ...patterns.contributions,
    ...factors.contributions,
    ...scoreCombinations(factors.present, patterns.present, config),
  ].sort(compareContributions);
  // Summing whole hundredths keeps the score exact, so input order can never change it.
  const hundredths = contributions.reduce((acc, c) => acc + toHundredths(c.points), 0);
  const score = hundredths / 100;
  const level = levelForScore(score, config);
  return {
    level: level.code,
    level_label_nl: level.label_nl,
    level_label_en: level.label_en,
    score,
    contributions,
    incidentsConsidered: considered.map((c) => c.incident.id),
    informationGaps: factors.informationGaps,
    ...summarise(level, score, contributions, factors.informationGaps.length),
  };
}
