import { deleteGrantsOf, deletedRows, type RetentionRule } from './retention-rule.js';

/**
 * Persons of interest with no incident linked and no change for RETENTION_POIS_DAYS: not the
 * person itself, nor a photo, entity link or duplicate decision on them. A linked person stays
 * as long as the incident does (deleting the incident removes the link). With the person go
 * their photos, entity links, group memberships, duplicate decisions and grants.
 */
export const poisRule: RetentionRule = {
  name: 'pois.unlinked_unchanged',
  objectType: 'poi',
  days: (config) => config.retentionDays.pois,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('pois as p')
      .select(['p.id', 'p.organisation_id'])
      .where('p.updated_at', '<', cutoff)
      .where(({ not, exists, selectFrom, or }) =>
        not(
          or([
            exists(selectFrom('incident_pois as ip').select('ip.poi_id').whereRef('ip.poi_id', '=', 'p.id')),
            exists(
              selectFrom('poi_photos as ph')
                .select('ph.id')
                .whereRef('ph.poi_id', '=', 'p.id')
                .where('ph.created_at', '>=', cutoff),
            ),
            exists(
              selectFrom('poi_entity_links as el')
                .select('el.id')
                .whereRef('el.poi_id', '=', 'p.id')
                .where('el.created_at', '>=', cutoff),
            ),
            exists(
              selectFrom('poi_duplicate_decisions as dd')
                .select('dd.id')
                .where((eb) =>
                  eb.or([eb('dd.left_poi_id', '=', eb.ref('p.id')), eb('dd.right_poi_id', '=', eb.ref('p.id'))]),
                )
                .where('dd.decided_at', '>=', cutoff),
            ),
          ]),
        ),
      )
      .orderBy('p.updated_at')
      .orderBy('p.id');
    q = 'id' in scope ? q.where('p.id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    const id = record.id;
    const counts = {
      grants: await deleteGrantsOf(db, 'poi', id),
      photos: deletedRows(await db.deleteFrom('poi_photos').where('poi_id', '=', id).executeTakeFirstOrThrow()),
      entityLinks: deletedRows(
        await db.deleteFrom('poi_entity_links').where('poi_id', '=', id).executeTakeFirstOrThrow(),
      ),
      groupMemberships: deletedRows(
        await db.deleteFrom('poi_group_members').where('poi_id', '=', id).executeTakeFirstOrThrow(),
      ),
      duplicateDecisions: deletedRows(
        await db
          .deleteFrom('poi_duplicate_decisions')
          .where((eb) => eb.or([eb('left_poi_id', '=', id), eb('right_poi_id', '=', id)]))
          .executeTakeFirstOrThrow(),
      ),
    };
    await db.deleteFrom('pois').where('id', '=', id).execute();
    return counts;
  },
};
