import type { Actor } from '../../platform/access/actor.js';

/** The topics among `topics` that count as flagged: listed ones and their sub-topics (crime.traffick.drug). */
export function flaggedTopicsOf(topics: readonly string[], configured: readonly string[]): string[] {
  return topics.filter((t) => configured.some((c) => t === c || t.startsWith(`${c}.`)));
}

/** Only the owner organisation imports into, shares and manages a dataset; grantees read. */
export const isOwnerOf = (actor: Actor, dataset: { organisation_id: string }): boolean =>
  dataset.organisation_id === actor.organisationId;

/**
 * Whose analyst flags a reader sees on a dataset's entities: the own organisation's, and the
 * owner's (they travel with the shared dataset); a third organisation's flags stay with it.
 */
export const flagOrganisationsFor = (actor: Actor, dataset: { organisation_id: string }): string[] => [
  ...new Set([actor.organisationId, dataset.organisation_id]),
];
