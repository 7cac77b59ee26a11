import type { Actor } from '../../platform/access/actor.js';
import { can } from '../../platform/access/actor.js';
import type { SupportStatus } from './support.table.js';
import { supportParts } from './support.schema.js';

export type SupportVia = 'requester' | 'subject' | 'support_team' | 'granted';
export type SupportAccess = { via: SupportVia; parts: string[] };

type RequestFacts = {
  organisation_id: string;
  support_organisation_id: string;
  requester_user_id: string;
  officeholder_id: string;
};

/**
 * Confidential by default: the requester, the officeholder it is about, the handling support
 * organisation and people named in a live grant see a request; nobody else, not even the
 * municipality's other advisers.
 */
export function supportAccess(
  actor: Actor,
  row: RequestFacts,
  facts: { ownOfficeholderId: string | null; grantedParts: string[] | null },
): SupportAccess | null {
  const isOwnOrganisation = actor.organisationId === row.organisation_id;
  if (isOwnOrganisation && row.requester_user_id === actor.userId)
    return { via: 'requester', parts: [...supportParts] };
  if (isOwnOrganisation && facts.ownOfficeholderId === row.officeholder_id)
    return { via: 'subject', parts: [...supportParts] };
  if (actor.organisationId === row.support_organisation_id && can(actor, 'support:handle'))
    return { via: 'support_team', parts: [...supportParts] };
  if (facts.grantedParts) return { via: 'granted', parts: facts.grantedParts };
  return null;
}

export const mayHandle = (access: SupportAccess): boolean => access.via === 'support_team';
/** The person asking for help decides who else may know: requester or the officeholder it is about. */
export const mayShare = (access: SupportAccess): boolean => access.via === 'requester' || access.via === 'subject';
export const mayAddNote = (access: SupportAccess): boolean => access.via !== 'granted';

const isClosed = (status: SupportStatus): boolean => status === 'afgerond' || status === 'ingetrokken';

/** Why the support team cannot move a request from `from` to `to`, or null when it can. */
export function statusChangeProblem(from: SupportStatus, to: SupportStatus): string | null {
  if (isClosed(from)) return `the request is ${from} and can no longer change`;
  if (from === to) return `the request is already ${to}`;
  if (from === 'ingediend' && to === 'afgerond') return 'take the request in behandeling first';
  return null;
}

/** Why a request cannot be withdrawn, or null. */
export const withdrawProblem = (from: SupportStatus): string | null =>
  isClosed(from) ? `the request is ${from} and can no longer be withdrawn` : null;

export const noteProblem = (status: SupportStatus): string | null =>
  isClosed(status) ? `the request is ${status}; notes are closed` : null;
