import type { ThreatConfig } from './threat-config.js';
import { formatPoints, nl, toHundredths } from './threat-contribution.js';
import type { ThreatContribution } from './threat-contribution.js';
import { threatFactorNames } from './threat-input.js';
import type { FactorCoding, MonotonePattern, ThreatFactorName } from './threat-input.js';
import { factorLabels, patternLabels } from './threat-labels.js';

/** A factor nobody could code yet: it does not lower the advice but is a gap to close. */
export type InformationGap = { factor: ThreatFactorName; label_nl: string; label_en: string };

export type FactorResult = {
  contributions: ThreatContribution[];
  present: Set<ThreatFactorName>;
  informationGaps: InformationGap[];
};

/** Contributions of present factors and the list of unknown ones; absent factors add nothing. */
export function scoreFactors(coding: FactorCoding, config: ThreatConfig): FactorResult {
  const result: FactorResult = { contributions: [], present: new Set(), informationGaps: [] };
  for (const factor of threatFactorNames) {
    const status = coding[factor] ?? 'unknown';
    const label = factorLabels[factor];
    if (status === 'unknown') {
      result.informationGaps.push({ factor, label_nl: label.nl, label_en: label.en });
      continue;
    }
    if (status !== 'present') continue;
    result.present.add(factor);
    const pts = toHundredths(config.factorPoints[factor]);
    if (pts === 0) continue;
    result.contributions.push({
      kind: 'factor',
      ref: factor,
      label_nl: label.nl,
      label_en: label.en,
      points: pts / 100,
      explanation: `Factor coded present: ${formatPoints(pts)} pts.`,
      explanation_nl: `Factor als aanwezig gecodeerd: ${nl(formatPoints(pts))} ptn.`,
    });
  }
  return result;
}

/** Extra points for configured combinations whose factors and patterns are all present. */
export function scoreCombinations(
  factors: ReadonlySet<ThreatFactorName>,
  patterns: ReadonlySet<MonotonePattern>,
  config: ThreatConfig,
): ThreatContribution[] {
  return config.combinations
    .filter((c) => c.factors.every((f) => factors.has(f)) && c.patterns.every((p) => patterns.has(p)))
    .filter((c) => c.points > 0)
    .map((c) => {
      const pts = toHundredths(c.points);
      const parts = [...c.factors.map((f) => factorLabels[f]), ...c.patterns.map((p) => patternLabels[p])];
      return {
        kind: 'factor' as const,
        ref: `combination:${c.id}`,
        label_nl: c.label_nl,
        label_en: c.label_en,
        points: pts / 100,
        explanation: `Combination of ${parts.map((p) => p.en.toLowerCase()).join(' + ')}: ${formatPoints(pts)} pts.`,
        explanation_nl: `Combinatie van ${parts.map((p) => p.nl.toLowerCase()).join(' + ')}: ${nl(formatPoints(pts))} ptn.`,
      };
    });
}
