import type { Db } from '../../db/database.js';
import type { ExpiredScope } from './retention-rule.js';

export type ExpiredIncident = { id: string; organisation_id: string };

/** Counts of what one deletion removed; numbers only, so they can go into a tombstone. */
export type DeletedIncidentCounts = {
  forms: number;
  events: number;
  attachments: number;
  personLinks: number;
  grants: number;
};

/**
 * Closed incidents whose last change (the row itself or any timeline entry, such as an
 * attachment added after closing) lies before `cutoff`; oldest first. With an id, the same
 * check for one incident (done again inside the deletion).
 */
export function findExpiredClosedIncidents(db: Db, cutoff: string, scope: ExpiredScope): Promise<ExpiredIncident[]> {
  let q = db
    .selectFrom('incidents as i')
    .select(['i.id', 'i.organisation_id'])
    .where('i.status', '=', 'afgehandeld')
    .where('i.updated_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('incident_events as e')
            .select('e.id')
            .whereRef('e.incident_id', '=', 'i.id')
            .where('e.at', '>=', cutoff),
        ),
      ),
    )
    .orderBy('i.updated_at')
    .orderBy('i.id');
  q = 'id' in scope ? q.where('i.id', '=', scope.id) : q.limit(scope.limit);
  return q.execute();
}

const count = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

/** Deletes an incident and everything hanging off it; children first, so no foreign key depends on cascades. */
export async function deleteIncidentWithChildren(db: Db, id: string): Promise<DeletedIncidentCounts> {
  const grantIds = db
    .selectFrom('grants')
    .select('id')
    .where('record_type', '=', 'incident')
    .where('record_id', '=', id);
  await db.deleteFrom('grant_users').where('grant_id', 'in', grantIds).execute();
  const counts: DeletedIncidentCounts = {
    grants: count(
      await db
        .deleteFrom('grants')
        .where('record_type', '=', 'incident')
        .where('record_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    personLinks: count(await db.deleteFrom('incident_pois').where('incident_id', '=', id).executeTakeFirstOrThrow()),
    attachments: count(
      await db.deleteFrom('incident_attachments').where('incident_id', '=', id).executeTakeFirstOrThrow(),
    ),
    events: count(await db.deleteFrom('incident_events').where('incident_id', '=', id).executeTakeFirstOrThrow()),
    forms: count(await db.deleteFrom('incident_forms').where('incident_id', '=', id).executeTakeFirstOrThrow()),
  };
  await db.deleteFrom('incidents').where('id', '=', id).execute();
  return counts;
}
