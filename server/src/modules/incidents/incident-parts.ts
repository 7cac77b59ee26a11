import type { IncidentDto } from './incidents.schema.js';

/**
 * The parts of an incident a grant can share. `kern` (what, when, how serious, about whom) comes
 * with every grant; the rest only when named: the police may need `dader` and `opvolging`, a
 * security company usually only `kern`.
 */
export const incidentParts = ['kern', 'details', 'dader', 'opvolging', 'bijlagen'] as const;
export type IncidentPart = (typeof incidentParts)[number];

const fieldsOfPart = {
  details: ['description', 'location', 'targets', 'motive', 'decisionReference', 'municipalProcess', 'impacts'],
  dader: ['perpetratorType', 'knownPerpetrators'],
  opvolging: [
    'internalReportDate',
    'aangifteDate',
    'vptCodes',
    'domicilie',
    'policeReference',
    'employerAangifte',
    'aftercareOffered',
    'aftercareNotes',
  ],
  bijlagen: ['attachments'],
} as const satisfies Record<Exclude<IncidentPart, 'kern'>, readonly (keyof IncidentDto)[]>;

/** Replaces every field outside the granted parts with null; returns the names it masked. */
export function maskIncident<T extends Partial<IncidentDto>>(
  dto: T,
  parts: readonly string[],
): { dto: T; masked: string[] } {
  const masked: string[] = [];
  const copy: Record<string, unknown> = { ...dto };
  for (const [part, fields] of Object.entries(fieldsOfPart)) {
    if (parts.includes(part)) continue;
    for (const field of fields) {
      if (field in copy) {
        copy[field] = null;
        masked.push(field);
      }
    }
  }
  return { dto: copy as T, masked };
}
