import type { ThreatIncident } from './threat-input.js';

const DAY_MS = 86_400_000;

/** Test vocabulary: an ISO timestamp a number of days before `asOf`. */
export function daysBefore(asOf: string, days: number): string {
  return new Date(Date.parse(asOf) - days * DAY_MS).toISOString();
}

/** Test vocabulary: a plausible incident with overrides. */
export function buildIncident(overrides: Partial<ThreatIncident> = {}): ThreatIncident {
  return {
    id: 'inc-1',
    occurredAt: '2025-03-01T10:00:00.000Z',
    forms: ['verbale_agressie'],
    channel: 'face_to_face',
    targets: ['person'],
    severity: 2,
    ...overrides,
  };
}
