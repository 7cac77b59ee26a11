import type { ThreatConfig } from './threat-config.js';
import { ageInDays, formatPoints, nl, toHundredths } from './threat-contribution.js';
import type { ThreatContribution } from './threat-contribution.js';
import type { ThreatIncident } from './threat-input.js';
import { channelLabels, formLabels } from './threat-labels.js';

/** An incident inside the assessment horizon, with its age relative to `asOf`. */
export type ConsideredIncident = { incident: ThreatIncident; ageDays: number };

/** Canonical key so ties on timestamp and id still sort the same whatever the input order. */
function sortKey(incident: ThreatIncident): string {
  return `${new Date(incident.occurredAt).toISOString()}|${incident.id}|${JSON.stringify(incident)}`;
}

/** Incidents not in the future and not older than the last recency band, oldest first. */
export function selectConsideredIncidents(
  incidents: readonly ThreatIncident[],
  asOf: string,
  config: ThreatConfig,
): ConsideredIncident[] {
  const horizon = config.recencyBands[config.recencyBands.length - 1]?.maxAgeDays ?? 0;
  return incidents
    .map((incident) => ({ incident, ageDays: ageInDays(incident.occurredAt, asOf) }))
    .filter((c) => c.ageDays >= 0 && c.ageDays <= horizon)
    .map((c) => ({ ...c, key: sortKey(c.incident) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ incident, ageDays }) => ({ incident, ageDays }));
}

/** Recency factor of the first band the age falls into. */
export function recencyFactor(ageDays: number, config: ThreatConfig): number {
  return config.recencyBands.find((band) => ageDays <= band.maxAgeDays)?.factor ?? 0;
}

function heaviestFormWeight(incident: ThreatIncident, config: ThreatConfig): number {
  return Math.max(1, ...incident.forms.map((form) => config.formWeights[form]));
}

/** Points of one incident: severity × heaviest form × recency. */
export function scoreIncident(considered: ConsideredIncident, config: ThreatConfig): ThreatContribution {
  const { incident, ageDays } = considered;
  const severity = config.severityPoints[incident.severity - 1] ?? 0;
  const formWeight = heaviestFormWeight(incident, config);
  const recency = recencyFactor(ageDays, config);
  const hundredths = toHundredths(severity * formWeight * recency);
  const forms = incident.forms.map((f) => formLabels[f]);
  const channel = channelLabels[incident.channel];
  const days = Math.floor(ageDays);
  return {
    kind: 'incident',
    ref: incident.id,
    label_nl: `Incident: ${forms.map((f) => f.nl).join(', ')} — ${channel.nl}`,
    label_en: `Incident: ${forms.map((f) => f.en).join(', ')} — ${channel.en}`,
    points: hundredths / 100,
    explanation:
      `Severity ${incident.severity} (${severity} pts) × form weight ${formWeight} × recency ${recency} ` +
      `(${days} days ago) = ${formatPoints(hundredths)} pts.`,
    explanation_nl:
      `Ernst ${incident.severity} (${nl(severity)} ptn) × vormgewicht ${nl(formWeight)} × recentheid ${nl(recency)} ` +
      `(${days} dagen geleden) = ${nl(formatPoints(hundredths))} ptn.`,
  };
}
