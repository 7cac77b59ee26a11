import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from './sqlite-statement-cache.js';
import { currentTenant } from '../platform/tenant-context.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export type DatabaseHandle = { db: Db; dialect: Dialect; close(): Promise<void> };

/** Which dialect a DATABASE_URL names: postgres:// URLs, everything else is an SQLite file. */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export type OpenOptions = {
  /** PostgreSQL schema (tests use one per file). */
  schema?: string;
  /** PostgreSQL role the application acts as (not the owner, no BYPASSRLS), so row-level security applies. */
  appRole?: string;
};

/** Opens the database named by `url`. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  return dialectOf(url) === 'postgres' ? openPostgres(url, options) : openSqlite(url);
}

const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/**
 * The better-sqlite3 connection behind a Kysely instance opened here (undefined for PostgreSQL
 * and for transactions): bulk writes run prepared statements on it, inside `db.connection()` so
 * Kysely's own queries wait their turn.
 */
export function sqliteHandleOf(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

function openSqlite(url: string): DatabaseHandle {
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  sqliteHandles.set(db, raw);
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

const identifier = /^[a-z_][a-z0-9_]*$/;

function openPostgres(url: string, { schema, appRole }: OpenOptions): DatabaseHandle {
  for (const name of [schema, appRole]) {
    if (name !== undefined && !identifier.test(name)) throw new Error(`invalid identifier ${name}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const dialect = new PostgresDialect({
    pool,
    // Acting as a role without BYPASSRLS makes the row-level security policies apply.
    ...(appRole
      ? { onCreateConnection: async (c) => void (await c.executeQuery(CompiledQuery.raw(`set role ${appRole}`))) }
      : {}),
    // Every checkout carries the tenant of the work that borrows the connection.
    onReserveConnection: async (c) =>
      void (await c.executeQuery(
        CompiledQuery.raw("select set_config('weerbaar.tenant', $1, false)", [currentTenant()]),
      )),
  });
  const db = new Kysely<Database>({ dialect });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** True when a trivial query answers; used by the health check. */
export async function isDatabaseReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
