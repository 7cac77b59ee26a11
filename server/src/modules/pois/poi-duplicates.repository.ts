import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DuplicateDecision, PoiDuplicateDecisionsTable } from './pois.table.js';

export type DuplicateDecisionRow = Selectable<PoiDuplicateDecisionsTable>;

export async function insertDecision(db: Db, row: Insertable<PoiDuplicateDecisionsTable>): Promise<void> {
  await db.insertInto('poi_duplicate_decisions').values(row).execute();
}

/** Every decision on a pair that includes the POI, oldest first (the last per pair counts). */
export const decisionsOfPoi = (db: Db, organisationId: string, poiId: string): Promise<DuplicateDecisionRow[]> =>
  db
    .selectFrom('poi_duplicate_decisions')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('left_poi_id', '=', poiId), eb('right_poi_id', '=', poiId)]))
    .orderBy('decided_at')
    .orderBy('id')
    .execute();

/** The POI on the other side of a decided pair. */
export const otherPoiOf = (row: DuplicateDecisionRow, poiId: string): string =>
  row.left_poi_id === poiId ? row.right_poi_id : row.left_poi_id;

/** The latest decision per other POI of the pair. */
export async function latestDecisionsOf(
  db: Db,
  organisationId: string,
  poiId: string,
): Promise<Map<string, DuplicateDecision>> {
  const rows = await decisionsOfPoi(db, organisationId, poiId);
  return new Map(rows.map((r) => [otherPoiOf(r, poiId), r.decision]));
}
