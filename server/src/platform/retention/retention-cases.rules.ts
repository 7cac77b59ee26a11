import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { SUBJECT_DATASET } from '../../modules/screening/screening-datasets.js';
import { subjectEntityId } from '../../modules/screening/screening-decisions.service.js';
import { deleteGrantsOf, deletedRows, type ExpiredRecord, type RetentionRule } from './retention-rule.js';

/** The applicant's entity id is this prefix and the screening id. */
const subjectPrefix = subjectEntityId('');

/**
 * Screenings, deleted RETENTION_SCREENINGS_DAYS after their last change: the request, its
 * conclusion, or a match decision on one of its candidates. With the screening go its grants
 * and the applicant as kept in the organisation's subject dataset, with the decisions on it.
 */
export const screeningsRule: RetentionRule = {
  name: 'screenings.last_change',
  objectType: 'screening',
  days: (config) => config.retentionDays.screenings,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('screenings as s')
      .select(['s.id', 's.organisation_id'])
      .where('s.created_at', '<', cutoff)
      .where((eb) => eb.or([eb('s.concluded_at', 'is', null), eb('s.concluded_at', '<', cutoff)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('match_decisions as md')
              .select('md.id')
              .whereRef('md.organisation_id', '=', 's.organisation_id')
              .where('md.decided_at', '>=', cutoff)
              .where((eb) =>
                eb.or([
                  eb('md.left_entity_id', '=', sql<string>`${subjectPrefix} || s.id`),
                  eb('md.right_entity_id', '=', sql<string>`${subjectPrefix} || s.id`),
                ]),
              ),
          ),
        ),
      )
      .orderBy('s.created_at')
      .orderBy('s.id');
    q = 'id' in scope ? q.where('s.id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    const grants = await deleteGrantsOf(db, 'screening', record.id);
    const subject = await deleteSubjectEntity(db, record);
    await db.deleteFrom('screenings').where('id', '=', record.id).execute();
    return { grants, ...subject };
  },
};

/** Removes the applicant from the organisation's subject dataset, with the match decisions and flags on it. */
async function deleteSubjectEntity(db: Db, record: ExpiredRecord): Promise<Record<string, number>> {
  const dataset = await db
    .selectFrom('datasets')
    .select('id')
    .where('organisation_id', '=', record.organisation_id)
    .where('name', '=', SUBJECT_DATASET.name)
    .executeTakeFirst();
  if (!dataset) return { matchDecisions: 0, subjectEntities: 0 };
  const entityId = subjectEntityId(record.id);
  const matchDecisions = deletedRows(
    await db
      .deleteFrom('match_decisions')
      .where((eb) =>
        eb.or([
          eb.and([eb('left_dataset_id', '=', dataset.id), eb('left_entity_id', '=', entityId)]),
          eb.and([eb('right_dataset_id', '=', dataset.id), eb('right_entity_id', '=', entityId)]),
        ]),
      )
      .executeTakeFirstOrThrow(),
  );
  await db.deleteFrom('entity_flags').where('dataset_id', '=', dataset.id).where('entity_id', '=', entityId).execute();
  await db.deleteFrom('entity_refs').where('dataset_id', '=', dataset.id).where('source_id', '=', entityId).execute();
  const subjectEntities = deletedRows(
    await db
      .deleteFrom('entities')
      .where('dataset_id', '=', dataset.id)
      .where('id', '=', entityId)
      .executeTakeFirstOrThrow(),
  );
  if (subjectEntities > 0) {
    await db
      .updateTable('datasets')
      .set((eb) => ({ entity_count: eb('entity_count', '-', subjectEntities) }))
      .where('id', '=', dataset.id)
      .execute();
  }
  return { matchDecisions, subjectEntities };
}

/**
 * Support requests that were closed (afgerond or withdrawn), deleted RETENTION_SUPPORT_REQUESTS_DAYS
 * after closing, provided nothing changed since (no status change, no note). Open requests stay.
 */
export const supportRequestsRule: RetentionRule = {
  name: 'support_requests.closed',
  objectType: 'support_request',
  days: (config) => config.retentionDays.supportRequests,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('support_requests as r')
      .select(['r.id', 'r.organisation_id'])
      .where('r.status', 'in', ['afgerond', 'ingetrokken'])
      .where('r.closed_at', 'is not', null)
      .where('r.closed_at', '<', cutoff)
      .where('r.updated_at', '<', cutoff)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('support_request_notes as n')
              .select('n.id')
              .whereRef('n.request_id', '=', 'r.id')
              .where('n.created_at', '>=', cutoff),
          ),
        ),
      )
      .orderBy('r.closed_at')
      .orderBy('r.id');
    q = 'id' in scope ? q.where('r.id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    const grants = await deleteGrantsOf(db, 'support_request', record.id);
    const notes = deletedRows(
      await db.deleteFrom('support_request_notes').where('request_id', '=', record.id).executeTakeFirstOrThrow(),
    );
    await db.deleteFrom('support_requests').where('id', '=', record.id).execute();
    return { notes, grants };
  },
};
