import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ScreeningConclusionsTable, ScreeningsTable } from './screening.table.js';

export type ScreeningRow = Selectable<ScreeningsTable>;
export type ScreeningConclusionRow = Selectable<ScreeningConclusionsTable>;
export type ScreeningListRow = Omit<ScreeningRow, 'subject' | 'datasets' | 'result'>;

export const insertScreening = (db: Db, row: Insertable<ScreeningsTable>) =>
  db.insertInto('screenings').values(row).execute();

export const findScreening = (db: Db, id: string): Promise<ScreeningRow | undefined> =>
  db.selectFrom('screenings').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Screenings of the organisation (its TLP:RED ones only for the user who ran them) or among
 * `sharedIds` (live grants to the reader, own RED ones naming the reader included), newest first,
 * without their large JSON.
 */
export function listScreenings(
  db: Db,
  reader: { organisationId: string; userId: string },
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
      eb.or([
        eb.and([
          eb('organisation_id', '=', reader.organisationId),
          eb.or([eb('tlp', '<>', 'RED'), eb('created_by_user_id', '=', reader.userId)]),
        ]),
        eb('id', 'in', sharedIds.length ? [...sharedIds] : ['']),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export const updateScreening = (db: Db, id: string, changes: Updateable<ScreeningsTable>) =>
  db.updateTable('screenings').set(changes).where('id', '=', id).execute();

/** Appends a conclusion after the screening's newest (call inside the transaction that records it). */
export async function appendConclusion(
  db: Db,
  row: Omit<Insertable<ScreeningConclusionsTable>, 'position'>,
): Promise<ScreeningConclusionRow> {
  const last = await db
    .selectFrom('screening_conclusions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('screening_id', '=', row.screening_id)
    .executeTakeFirst();
  const entry = { ...row, position: Number(last?.position ?? 0) + 1 };
  await db.insertInto('screening_conclusions').values(entry).execute();
  return entry;
}

/** Every conclusion of a screening, newest first. */
export const listConclusions = (db: Db, screeningId: string): Promise<ScreeningConclusionRow[]> =>
  db
    .selectFrom('screening_conclusions')
    .selectAll()
    .where('screening_id', '=', screeningId)
    .orderBy('position', 'desc')
    .execute();
