/**
 * The store side of a search without query text: the entities of the datasets in scope that
 * pass the checks SQL can make, read page by page in a fixed order, never the whole set at once.
 * Every check here is implied by the search plan's `keep`, so SQL only narrows what JavaScript
 * then decides: schema, change date and excluded ids exactly, topics and property values as
 * substrings of the stored JSON (a superset of the hits).
 */
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import type { EntityRow } from '../../entities/entities.repository.js';
import type { Sort, SortField } from './yente-search.js';

/**
 * One field's filter as SQL sees it; a row must pass every group. `topics`: the topics column
 * holds one of the JSON strings (exact). `values`: a string property holds one of the values,
 * compared in lower case with whitespace at either end ignored, as the plan compares them. The
 * row must contain a value as it is and also quoted (`"nl"`) or a string padded with whitespace.
 */
export type ContainsGroup = { column: 'topics'; fragments: string[] } | { column: 'properties'; values: string[] };

export type StoreFilter = {
  /** The schemata a hit may have (never empty: a search that allows none reads nothing). */
  schemata: readonly string[];
  /** `last_seen` must be after this stored timestamp. */
  changedAfter: string | null;
  /** Ids left out; entities of a cluster holding one are left out by the plan. */
  excludedIds: readonly string[];
  contains: readonly ContainsGroup[];
};

/** Rows per page in id order (a primary-key range per dataset, cheap to continue). */
const ID_PAGE = 2_000;
/**
 * Rows per page in another order. Each page is a sort of every row SQL lets through, so the first
 * page holds as many rows as a search counts (10,000) and one more: most searches need no second.
 */
const SORTED_PAGE = 10_001;
/** More excluded ids than this are left to the plan (SQL parameters are limited). */
const MAX_SQL_IDS = 500;

type EntityQuery = SelectQueryBuilder<Database, 'entities', EntityRow>;

const likePattern = (fragment: string): string => `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The edges of a JSON string holding a padded value: a quote next to a space, a no-break space
 * or the escapes JSON writes for tab, line feed, carriage return, form feed and vertical tab
 * (EDGE_SPACE in yente-search.ts is the same set).
 */
const PADDED = [' ', '\u00a0', '\\t', '\\n', '\\r', '\\f', '\\u000b'].flatMap((w) => [`"${w}`, `${w}"`]);

const contains = (column: string, fragments: readonly string[], op: RawBuilder<unknown>): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.join(
    fragments.map((f) => sql`${sql.ref(column)} ${op} ${likePattern(f)} escape '\\'`),
    sql` or `,
  )})`;

/** A group as a condition; the cheap test (a value anywhere) comes first, so most rows stop there. */
function groupCondition(group: ContainsGroup, dialect: Dialect): RawBuilder<SqlBool> {
  if (group.column === 'topics') return contains('topics', group.fragments, sql`like`);
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE for that.
  const op = dialect === 'postgres' ? sql`ilike` : sql`like`;
  const quoted = group.values.map((v) => JSON.stringify(v));
  return sql<SqlBool>`(${contains('properties', group.values, op)} and ${contains('properties', [...quoted, ...PADDED], op)})`;
}

function narrowed(query: EntityQuery, filter: StoreFilter, dialect: Dialect): EntityQuery {
  let q = query.where('schema', 'in', [...filter.schemata]);
  if (filter.changedAfter !== null) q = q.where('last_seen', '>', filter.changedAfter);
  if (filter.excludedIds.length > 0 && filter.excludedIds.length <= MAX_SQL_IDS) {
    q = q.where('id', 'not in', [...filter.excludedIds]);
  }
  for (const group of filter.contains) q = q.where(groupCondition(group, dialect));
  return q;
}

/** One dataset's rows in id order, page by page (keyset on the primary key). */
async function* datasetPages(db: Db, dialect: Dialect, datasetId: string, filter: StoreFilter) {
  let after: string | null = null;
  for (;;) {
    let query = db.selectFrom('entities').selectAll().where('dataset_id', '=', datasetId);
    if (after !== null) query = query.where('id', '>', after);
    const rows: EntityRow[] = await narrowed(query, filter, dialect).orderBy('id').limit(ID_PAGE).execute();
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < ID_PAGE || !last) return;
    after = last.id;
  }
}

type Cursor = { pages: AsyncGenerator<EntityRow[]>; rows: EntityRow[]; at: number };

async function advance(cursor: Cursor): Promise<boolean> {
  if (cursor.at < cursor.rows.length) return true;
  const next = await cursor.pages.next();
  if (next.done) return false;
  cursor.rows = next.value;
  cursor.at = 0;
  return true;
}

const before = (a: EntityRow, b: EntityRow): boolean => a.id < b.id || (a.id === b.id && a.dataset_id < b.dataset_id);

/**
 * The rows of the datasets in yente's default order for a query without text (every score is
 * equal, then the entity id ascending): each dataset read in id order and the reads merged.
 */
export async function* rowsById(
  db: Db,
  dialect: Dialect,
  datasetIds: readonly string[],
  filter: StoreFilter,
): AsyncGenerator<EntityRow> {
  let cursors: Cursor[] = datasetIds.map((id) => ({ pages: datasetPages(db, dialect, id, filter), rows: [], at: 0 }));
  try {
    for (;;) {
      const live: Cursor[] = [];
      for (const c of cursors) if (await advance(c)) live.push(c);
      cursors = live;
      let best: Cursor | undefined;
      for (const c of cursors) {
        const row = c.rows[c.at];
        const top = best?.rows[best.at];
        if (row && (!top || before(row, top))) best = c;
      }
      const row = best?.rows[best.at];
      if (!best || !row) return;
      best.at += 1;
      yield row;
    }
  } finally {
    for (const c of cursors) await c.pages.return(undefined);
  }
}

const COLUMN: Record<Exclude<SortField, '_score'>, 'caption' | 'id' | 'schema' | 'first_seen' | 'last_seen'> = {
  caption: 'caption',
  id: 'id',
  schema: 'schema',
  first_seen: 'first_seen',
  last_seen: 'last_seen',
  // Weerbaar's last change is the entity's last_seen (see yente-entities.ts).
  last_change: 'last_seen',
};

/** A column in byte order on both dialects (SQLite's default; "C" on PostgreSQL). */
const ordered = (column: string, dialect: Dialect) =>
  dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;

function sortedBy(query: EntityQuery, sorts: readonly Sort[], dialect: Dialect): EntityQuery {
  let q = query;
  for (const { field, desc } of sorts) {
    if (field === '_score') continue; // Every hit of a query without text scores the same.
    const column = COLUMN[field];
    // yente sorts with `missing: _last`: an empty caption goes last in either direction.
    if (column === 'caption') q = q.orderBy(sql`case when caption = '' then 1 else 0 end`);
    q = q.orderBy(ordered(column, dialect), desc ? 'desc' : 'asc');
  }
  // yente's default sorts follow the asked ones: score (all equal here), then the id.
  return q.orderBy(ordered('id', dialect)).orderBy(ordered('dataset_id', dialect));
}

/** The rows of the datasets in the asked order, page by page (each page a bounded sort in SQL). */
export async function* rowsBySort(
  db: Db,
  dialect: Dialect,
  datasetIds: readonly string[],
  filter: StoreFilter,
  sorts: readonly Sort[],
): AsyncGenerator<EntityRow> {
  for (let offset = 0; ; offset += SORTED_PAGE) {
    const query = db
      .selectFrom('entities')
      .selectAll()
      .where('dataset_id', 'in', [...datasetIds]);
    const rows: EntityRow[] = await sortedBy(narrowed(query, filter, dialect), sorts, dialect)
      .limit(SORTED_PAGE)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < SORTED_PAGE) return;
  }
}

/** Whether the sorts keep yente's default order here (scores are all equal, then id ascending). */
export function isDefaultOrder(sorts: readonly Sort[]): boolean {
  const asked = sorts.filter((s) => s.field !== '_score');
  return asked.length === 0 || (asked.length === 1 && asked[0]?.field === 'id' && !asked[0].desc);
}
