import type { Actor } from '../../platform/access/actor.js';

/** How a reader reaches a screening: through the own organisation or a live grant. */
export type ScreeningAccess = {
  via: 'organisation' | 'grant';
  purpose: string | null;
  sharedBy: string | null;
  /** Opening it asks the reader why, once per session: shared and TLP:RED screenings (AVG purpose limitation). */
  isReasonRequired: boolean;
  grantIds: string[];
};

type ScreeningFacts = { organisation_id: string; created_by_user_id: string; tlp: string };

/** A screening belongs to the organisation that ran it. */
export const isOwnScreening = (actor: Actor, row: { organisation_id: string }): boolean =>
  row.organisation_id === actor.organisationId;

/** Whether the actor ran the screening. */
export const ranScreening = (actor: Actor, row: ScreeningFacts): boolean =>
  row.created_by_user_id === actor.userId && isOwnScreening(actor, row);

/**
 * Within the owner organisation a TLP:RED screening is need-to-know: only the user who ran it
 * and people named in a live grant see it; other colleagues are told it does not exist.
 */
export const isRedCleared = (actor: Actor, row: ScreeningFacts, isNamedInGrant: boolean): boolean =>
  row.tlp !== 'RED' || ranScreening(actor, row) || isNamedInGrant;

/** A read of a shared or TLP:RED screening needs the reader's purpose for this session. */
export const isReasonRequired = (row: ScreeningFacts, via: ScreeningAccess['via']): boolean =>
  via === 'grant' || row.tlp === 'RED';

/** Only the owner organisation records decisions and shares; grantees read. */
export const mayChange = (access: ScreeningAccess): boolean => access.via === 'organisation';

/** The role that may conclude any screening of its organisation, besides the user who ran it. */
export const CONCLUDING_ROLE = 'bibob_coordinator';

/** A conclusion is recorded by the user who ran the screening or by the organisation's Bibob coordinator. */
export const mayConclude = (actor: Actor, row: ScreeningFacts, access: ScreeningAccess): boolean =>
  mayChange(access) && (ranScreening(actor, row) || actor.roles.includes(CONCLUDING_ROLE));

/** A screening grant shares the whole record. */
export const screeningParts = ['kern'] as const;
