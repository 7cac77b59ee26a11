import type { RequestContext } from '../../platform/context.js';
import type { AccessInfo } from '../sharing/sharing.schema.js';
import { grantedAccess } from '../sharing/sharing.service.js';
import { officeholderIdOfUser } from '../officeholders/officeholders.service.js';
import { incidentParts } from './incident-parts.js';
import { incidentScope, maySeeIncident } from './incidents.policy.js';
import type { IncidentListRow } from './incidents.repository.js';

export type IncidentAccess = Omit<AccessInfo, 'masked'> & {
  /** Opening the record asks the reader why, once per session (AVG: purpose limitation). */
  isReasonRequired: boolean;
  grantIds: string[];
};

const everything = [...incidentParts];

/**
 * How the actor may see one incident, or null: through the own organisation (by role; a TLP:RED
 * incident only for its reporter, its subject and named people), or through live grants.
 */
export async function accessToIncident(ctx: RequestContext, row: IncidentListRow): Promise<IncidentAccess | null> {
  const isSubject = row.officeholder_user_id === ctx.actor.userId;
  const granted = await grantedAccess(ctx, 'incident', row.id);
  if (row.organisation_id === ctx.actor.organisationId) {
    const own = await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId);
    const isInScope = maySeeIncident(incidentScope(ctx.actor, own), row.officeholder_id);
    const isRedCleared =
      row.tlp !== 'RED' || isSubject || row.reported_by_user_id === ctx.actor.userId || granted !== null;
    if (isInScope && isRedCleared) {
      return {
        via: 'organisation',
        parts: everything,
        purpose: null,
        sharedBy: null,
        isReasonRequired: row.tlp === 'RED' && !isSubject,
        grantIds: granted?.grantIds ?? [],
      };
    }
  }
  if (!granted) return null;
  return {
    via: 'grant',
    parts: granted.parts,
    purpose: granted.purposes[0] ?? null,
    sharedBy: granted.sharedBy,
    isReasonRequired: true,
    grantIds: granted.grantIds,
  };
}
