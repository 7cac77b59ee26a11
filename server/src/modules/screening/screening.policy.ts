import type { Actor } from '../../platform/access/actor.js';

/** How a reader reaches a screening: through the own organisation or a live grant. */
export type ScreeningAccess = { via: 'organisation' | 'grant'; purpose: string | null; sharedBy: string | null };

/** A screening belongs to the organisation that ran it. */
export const isOwnScreening = (actor: Actor, row: { organisation_id: string }): boolean =>
  row.organisation_id === actor.organisationId;

/** Only the owner organisation records decisions and conclusions, and shares; grantees read. */
export const mayChange = (access: ScreeningAccess): boolean => access.via === 'organisation';

/** A screening grant shares the whole record. */
export const screeningParts = ['kern'] as const;
