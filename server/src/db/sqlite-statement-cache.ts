/**
 * Kysely's SQLite driver prepares every query anew, which costs tens of microseconds a call
 * on the request hot path. This wraps the better-sqlite3 connection so the most recently used
 * statements are kept, keyed by their SQL text. A cached statement that is still being
 * iterated (a streamed query not yet finished) is never handed out again: such a call gets a
 * fresh statement. SQLite recompiles a kept statement itself after a schema change.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept; the least recently used is dropped beyond this. */
export const STATEMENT_CACHE_SIZE = 256;

/** Statements longer than this are one-off bulk writes (many rows inline): not worth keeping. */
const MAX_CACHED_SQL_LENGTH = 4_000;

export type StatementCacheStats = { hits: number; misses: number; size: number };

export type CachingSqliteDatabase = SqliteDatabase & { stats(): StatementCacheStats };

export function withStatementCache(raw: SQLite.Database, size = STATEMENT_CACHE_SIZE): CachingSqliteDatabase {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const kept = new Map<string, SQLite.Statement>();
  let hits = 0;
  let misses = 0;
  return {
    close: () => {
      kept.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      const known = kept.get(sql);
      if (known !== undefined && !known.busy) {
        hits += 1;
        kept.delete(sql);
        kept.set(sql, known);
        return known;
      }
      misses += 1;
      const statement = raw.prepare(sql);
      if (known === undefined && sql.length <= MAX_CACHED_SQL_LENGTH) {
        kept.set(sql, statement);
        if (kept.size > size) {
          const oldest = kept.keys().next();
          if (!oldest.done) kept.delete(oldest.value);
        }
      }
      return statement;
    },
    stats: () => ({ hits, misses, size: kept.size }),
  };
}
