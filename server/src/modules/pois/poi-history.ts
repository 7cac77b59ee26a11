import type { IncidentFact } from '../incidents/incident-facts.service.js';
import type { PoiHistory, PoiRole } from './pois.schema.js';

export type LinkedIncident = IncidentFact & { role: PoiRole };

// Three or more incidents against the same officeholder is the working threshold for fixation.
const fixationThreshold = 3;

const isOnline = (i: IncidentFact): boolean =>
  ['social_media', 'email'].includes(i.channel) || i.forms.some((f) => f === 'online_haat' || f === 'doxing');
const isPhysical = (i: IncidentFact): boolean =>
  ['face_to_face', 'at_home'].includes(i.channel) || i.forms.some((f) => f === 'fysiek_geweld' || f === 'vernieling');

function severityTrend(sorted: LinkedIncident[]): PoiHistory['escalation']['severityTrend'] {
  if (sorted.length < 2) return 'insufficient_data';
  // Compare the mean severity of the later half with the earlier half, so one outlier does not decide.
  const half = Math.floor(sorted.length / 2);
  const mean = (xs: LinkedIncident[]): number => xs.reduce((a, i) => a + i.severity, 0) / xs.length;
  const delta = mean(sorted.slice(sorted.length - half)) - mean(sorted.slice(0, half));
  return delta > 0 ? 'rising' : delta < 0 ? 'falling' : 'stable';
}

function perOfficeholder(sorted: LinkedIncident[]): PoiHistory['officeholders'] {
  const groups = new Map<string, LinkedIncident[]>();
  for (const i of sorted) groups.set(i.officeholderId, [...(groups.get(i.officeholderId) ?? []), i]);
  return [...groups.entries()]
    .map(([officeholderId, list]) => ({
      officeholderId,
      incidentCount: list.length,
      firstAt: list[0]?.occurredAt ?? '',
      lastAt: list[list.length - 1]?.occurredAt ?? '',
      maxSeverity: Math.max(...list.map((i) => i.severity)),
      isFixated: list.length >= fixationThreshold,
    }))
    .sort((a, b) => b.incidentCount - a.incidentCount || (a.officeholderId < b.officeholderId ? -1 : 1));
}

/** Fixation and escalation history of one person of interest, computed from the linked incidents. */
export function computePoiHistory(poiId: string, incidents: readonly LinkedIncident[]): PoiHistory {
  const sorted = [...incidents].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
  const firstOnline = sorted.find(isOnline);
  const severities = sorted.map((i) => i.severity);
  return {
    poiId,
    incidentCount: sorted.length,
    officeholders: perOfficeholder(sorted),
    timeline: sorted.map((i) => ({
      incidentId: i.id,
      officeholderId: i.officeholderId,
      occurredAt: i.occurredAt,
      severity: i.severity,
      forms: i.forms,
      channel: i.channel,
      role: i.role,
    })),
    escalation: {
      severityTrend: severityTrend(sorted),
      firstSeverity: severities[0] ?? null,
      lastSeverity: severities[severities.length - 1] ?? null,
      maxSeverity: severities.length > 0 ? Math.max(...severities) : null,
      onlineToPhysical:
        firstOnline !== undefined && sorted.some((i) => isPhysical(i) && i.occurredAt > firstOnline.occurredAt),
      approachedHome: sorted.some((i) => i.channel === 'at_home'),
    },
  };
}
