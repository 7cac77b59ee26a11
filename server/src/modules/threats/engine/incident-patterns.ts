import type { ThreatConfig } from './threat-config.js';
import { formatPoints, nl, toHundredths } from './threat-contribution.js';
import type { ThreatContribution } from './threat-contribution.js';
import type { ConsideredIncident } from './incident-scoring.js';
import type { MonotonePattern, ThreatIncident } from './threat-input.js';
import { patternLabels } from './threat-labels.js';
import type { PatternRef } from './threat-labels.js';

export type PatternResult = { contributions: ThreatContribution[]; present: Set<MonotonePattern> };

function contribution(ref: PatternRef, hundredths: number, en: string, nl: string): ThreatContribution {
  const label = patternLabels[ref];
  return {
    kind: 'pattern',
    ref,
    label_nl: label.nl,
    label_en: label.en,
    points: hundredths / 100,
    explanation: en,
    explanation_nl: nl,
  };
}

function ids(incidents: readonly ThreatIncident[]): string {
  return incidents.map((i) => i.id).join(', ');
}

function frequency(considered: readonly ConsideredIncident[], config: ThreatConfig): ThreatContribution | null {
  const { recentDays } = config.windows;
  const count = considered.filter((c) => c.ageDays <= recentDays).length;
  const step = config.frequencySteps.filter((s) => s.minCount <= count).pop();
  if (!step || step.points === 0) return null;
  const pts = toHundredths(step.points);
  return contribution(
    'frequency',
    pts,
    `${count} incidents in the last ${recentDays} days (threshold ${step.minCount}): ${formatPoints(pts)} pts.`,
    `${count} incidenten in de laatste ${recentDays} dagen (drempel ${step.minCount}): ${nl(formatPoints(pts))} ptn.`,
  );
}

// Severity-weighted volume compares the recent window with the monthly average of the window
// before it, so both more incidents and more serious incidents count as a rising trend.
function trend(considered: readonly ConsideredIncident[], config: ThreatConfig): ThreatContribution | null {
  const { recentDays, priorDays } = config.windows;
  const sum = (list: ConsideredIncident[]): number => list.reduce((acc, c) => acc + c.incident.severity, 0);
  const recent = sum(considered.filter((c) => c.ageDays <= recentDays));
  const prior = sum(considered.filter((c) => c.ageDays > recentDays && c.ageDays <= recentDays + priorDays));
  const baseline = (prior * recentDays) / priorDays;
  const raw = config.trend.pointsPerSeverity * Math.max(0, recent - baseline);
  const pts = toHundredths(Math.min(config.trend.maxPoints, raw));
  if (pts === 0) return null;
  const base = baseline.toFixed(1);
  return contribution(
    'trend',
    pts,
    `Summed severity ${recent} in the last ${recentDays} days against a baseline of ${base} per ${recentDays} days in the ${priorDays} days before: ${formatPoints(pts)} pts.`,
    `Opgetelde ernst ${recent} in de laatste ${recentDays} dagen tegenover een basislijn van ${nl(base)} per ${recentDays} dagen in de ${priorDays} dagen daarvoor: ${nl(formatPoints(pts))} ptn.`,
  );
}

function isHomeApproach(i: ThreatIncident): boolean {
  return i.channel === 'at_home' || (i.targets.includes('property') && i.atResidence === true);
}

function isOnline(i: ThreatIncident): boolean {
  return ['social_media', 'email'].includes(i.channel) || i.forms.some((f) => f === 'online_haat' || f === 'doxing');
}

function isPhysical(i: ThreatIncident): boolean {
  return (
    ['face_to_face', 'at_home'].includes(i.channel) || i.forms.some((f) => f === 'fysiek_geweld' || f === 'vernieling')
  );
}

// Without perpetrator ids we cannot rule out the same person, so the engine errs towards caution.
function mayShareActor(a: ThreatIncident, b: ThreatIncident): boolean {
  if (!a.perpetratorIds?.length || !b.perpetratorIds?.length) return true;
  return a.perpetratorIds.some((id) => b.perpetratorIds?.includes(id));
}

function escalations(incidents: readonly ThreatIncident[]): ThreatIncident[] {
  const found = new Set<ThreatIncident>();
  for (const online of incidents.filter(isOnline)) {
    const later = incidents.filter(
      (p) =>
        p !== online &&
        isPhysical(p) &&
        Date.parse(p.occurredAt) > Date.parse(online.occurredAt) &&
        mayShareActor(online, p),
    );
    if (later.length > 0) [online, ...later].forEach((i) => found.add(i));
  }
  return incidents.filter((i) => found.has(i));
}

function repeatPerpetrators(incidents: readonly ThreatIncident[]): string[] {
  const counts = new Map<string, number>();
  for (const i of incidents) for (const p of new Set(i.perpetratorIds ?? [])) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= 2)
    .map(([p]) => p)
    .sort();
}

const patternText: Record<MonotonePattern, { en: string; nl: string }> = {
  home_approach: { en: 'Incidents at or aimed at the residence', nl: 'Incidenten bij of gericht op de woning' },
  naasten_targeted: { en: 'Incidents aimed at family members', nl: 'Incidenten gericht op naasten' },
  online_to_physical: {
    en: 'Online incidents followed by physical ones',
    nl: 'Online incidenten gevolgd door fysieke',
  },
  repeat_perpetrator: { en: 'The same perpetrator in several incidents', nl: 'Dezelfde dader bij meerdere incidenten' },
};

function monotonePattern(ref: MonotonePattern, evidence: string, config: ThreatConfig): ThreatContribution {
  const pts = toHundredths(config.patternPoints[ref]);
  const text = patternText[ref];
  return contribution(
    ref,
    pts,
    `${text.en}: ${evidence}; ${formatPoints(pts)} pts.`,
    `${text.nl}: ${evidence}; ${nl(formatPoints(pts))} ptn.`,
  );
}

/** Pattern contributions over the considered incidents and the set of monotone patterns present. */
export function detectPatterns(considered: readonly ConsideredIncident[], config: ThreatConfig): PatternResult {
  const incidents = considered.map((c) => c.incident);
  const evidence: Record<MonotonePattern, string> = {
    home_approach: ids(incidents.filter(isHomeApproach)),
    naasten_targeted: ids(incidents.filter((i) => i.targets.includes('naasten'))),
    online_to_physical: ids(escalations(incidents)),
    repeat_perpetrator: repeatPerpetrators(incidents).join(', '),
  };
  const present = new Set<MonotonePattern>();
  const contributions: ThreatContribution[] = [];
  for (const ref of Object.keys(evidence) as MonotonePattern[]) {
    if (evidence[ref] === '') continue;
    present.add(ref);
    const c = monotonePattern(ref, evidence[ref], config);
    if (c.points > 0) contributions.push(c);
  }
  for (const c of [frequency(considered, config), trend(considered, config)]) if (c) contributions.push(c);
  return { contributions, present };
}
