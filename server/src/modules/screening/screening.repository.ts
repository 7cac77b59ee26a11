import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ScreeningsTable } from './screening.table.js';

export type ScreeningRow = Selectable<ScreeningsTable>;
export type ScreeningListRow = Omit<ScreeningRow, 'subject' | 'datasets' | 'result'>;

export const insertScreening = (db: Db, row: Insertable<ScreeningsTable>) =>
  db.insertInto('screenings').values(row).execute();

export const findScreening = (db: Db, id: string): Promise<ScreeningRow | undefined> =>
  db.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirst();

/** Screenings of the organisation or among `sharedIds`, newest first (without their large JSON). */
export function listScreenings(
  db: Db,
  organisationId: string,
  sharedIds: readonly string[],
  page: { limit: number; offset: number },
): Promise<ScreeningListRow[]> {
  return db
    .selectFrom('screenings')
    .select([
      'id',
      'organisation_id',
      'created_by_user_id',
      'created_at',
      'purpose',
      'case_reference',
      'subject_schema',
      'subject_caption',
      'candidate_count',
      'red_flag_count',
      'conclusion_outcome',
      'conclusion_text',
      'concluded_by_user_id',
      'concluded_at',
      'tlp',
    ])
    .where((eb) =>
      eb.or([eb('organisation_id', '=', organisationId), eb('id', 'in', sharedIds.length ? [...sharedIds] : [''])]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export const updateScreening = (db: Db, id: string, changes: Updateable<ScreeningsTable>) =>
  db.updateTable('screenings').set(changes).where('id', '=', id).execute();
