import { can, type Actor } from '../../platform/access/actor.js';

/**
 * Which incidents of the actor's organisation the actor may see: all of them (advisers), or
 * only those about the officeholder linked to the account (officeholders), or none.
 */
export type IncidentScope =
  { kind: 'organisation' } | { kind: 'own'; officeholderId: string | null } | { kind: 'none' };

export function incidentScope(actor: Actor, ownOfficeholderId: string | null): IncidentScope {
  if (can(actor, 'incidents:read')) return { kind: 'organisation' };
  if (can(actor, 'incidents:read_own')) return { kind: 'own', officeholderId: ownOfficeholderId };
  return { kind: 'none' };
}

/** Whether the actor may see one incident about `officeholderId`. */
export function maySeeIncident(scope: IncidentScope, officeholderId: string): boolean {
  if (scope.kind === 'organisation') return true;
  return scope.kind === 'own' && scope.officeholderId === officeholderId;
}

/** Officeholders may add evidence to their own reports; advisers to any. */
export function mayAddAttachment(actor: Actor, scope: IncidentScope, officeholderId: string): boolean {
  if (can(actor, 'incidents:manage')) return true;
  return can(actor, 'incidents:report') && maySeeIncident(scope, officeholderId);
}
