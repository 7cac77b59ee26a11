import type { Tlp } from './sharing.table.js';

/**
 * TLP 2.0 limits on grants: RED goes to named people only, never to a whole organisation;
 * AMBER+STRICT stays inside the receiving organisation (grants cannot be passed on, which holds
 * because only the owner grants); CLEAR, GREEN and AMBER may go to an organisation.
 */
export function grantProblem(tlp: Tlp, grant: { namedUserIds: readonly string[] }): string | null {
  if (tlp === 'RED' && grant.namedUserIds.length === 0) {
    return 'a TLP:RED record can only be shared with named people, not a whole organisation';
  }
  return null;
}

/** Raising a record to RED is refused while organisation-wide grants are live: revoke them first. */
export function tlpChangeProblem(next: Tlp, liveGrants: readonly { userIds: readonly string[] }[]): string | null {
  if (next === 'RED' && liveGrants.some((g) => g.userIds.length === 0)) {
    return 'revoke the organisation-wide grants before marking this record TLP:RED';
  }
  return null;
}
