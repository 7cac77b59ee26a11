import { CompiledQuery, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, Dialect } from '../../db/database.js';
import type { ScreeningConclusionsTable, ScreeningsTable } from './screening.table.js';

export type ScreeningRow = Selectable<ScreeningsTable>;
export type ScreeningConclusionRow = Selectable<ScreeningConclusionsTable>;
export type ScreeningListRow = Omit<ScreeningRow, JsonColumn>;

const SCREENING_COLUMNS = [
  'id',
  'organisation_id',
  'created_by_user_id',
  'created_at',
  'purpose',
  'case_reference',
  'subject_schema',
  'subject_caption',
  'subject',
  'datasets',
  'result',
  'candidate_count',
  'red_flag_count',
  'conclusion_outcome',
  'conclusion_text',
  'concluded_by_user_id',
  'concluded_at',
  'tlp',
] as const satisfies readonly (keyof ScreeningRow)[];
// A column added to the table and not to the list above fails to compile here.
const everyColumn: Exclude<keyof ScreeningRow, (typeof SCREENING_COLUMNS)[number]> extends never ? true : never = true;
void everyColumn;

/** The large JSON columns a list leaves out. */
type JsonColumn = 'subject' | 'datasets' | 'result';
const isListColumn = (c: (typeof SCREENING_COLUMNS)[number]): c is Exclude<typeof c, JsonColumn> =>
  c !== 'subject' && c !== 'datasets' && c !== 'result';
const LIST_COLUMNS = SCREENING_COLUMNS.filter(isListColumn);

// Written once per dialect rather than built by the query builder for every screening stored.
const insertSql = (dialect: Dialect): string => {
  const values = SCREENING_COLUMNS.map((_, i) => (dialect === 'postgres' ? `$${i + 1}` : '?')).join(', ');
  return `insert into "screenings" (${SCREENING_COLUMNS.map((c) => `"${c}"`).join(', ')}) values (${values})`;
};
const INSERT_SQL = { sqlite: insertSql('sqlite'), postgres: insertSql('postgres') } as const;

/** Stores a new screening, every column given. */
export async function insertScreening(db: Db, dialect: Dialect, row: ScreeningRow): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw(
      INSERT_SQL[dialect],
      SCREENING_COLUMNS.map((c) => row[c]),
    ),
  );
}

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
    .select(LIST_COLUMNS)
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
