import { sql, type Kysely } from 'kysely';
import { isPostgres } from './support/row-level-security.js';

/**
 * One counter that every write changing who may act or see what moves, in the writing
 * transaction itself: API tokens (revocation, expiry), accounts (roles, active, organisation),
 * grants and their named people, datasets (imports bump their version), organisations (names
 * shown as "shared by"), match decisions and analyst flags. Processes keep such answers across requests and
 * read this one row per request instead: a changed counter drops them at once, in every process.
 * Triggers do the bumping, so no writer (services, retention, the CLI, a manual fix) can forget it.
 */
export const CACHE_VERSION_ROW = 'access';

/** Table → the change events that bump the counter (`UPDATE OF` lists the columns that matter). */
export const WATCHED: Record<string, { insert: boolean; updateOf: readonly string[] | 'any'; delete: boolean }> = {
  api_tokens: { insert: false, updateOf: ['user_id', 'token_hash', 'expires_at', 'revoked_at'], delete: true },
  users: { insert: false, updateOf: ['organisation_id', 'roles', 'active'], delete: true },
  organisations: { insert: false, updateOf: 'any', delete: true },
  grants: { insert: true, updateOf: 'any', delete: true },
  grant_users: { insert: true, updateOf: 'any', delete: true },
  datasets: { insert: true, updateOf: 'any', delete: true },
  match_decisions: { insert: true, updateOf: 'any', delete: true },
  entity_flags: { insert: true, updateOf: 'any', delete: true },
};

const bump = `update cache_versions set version = version + 1 where name = '${CACHE_VERSION_ROW}'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cache_versions')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('cache_versions' as never)
    .values({ name: CACHE_VERSION_ROW, version: 1 } as never)
    .execute();
  if (await isPostgres(db)) {
    await sql
      .raw(
        `create or replace function weerbaar_bump_cache_version() returns trigger language plpgsql
         as $$ begin ${bump}; return null; end $$`,
      )
      .execute(db);
    for (const [table, on] of Object.entries(WATCHED)) {
      const events = [
        ...(on.insert ? ['insert'] : []),
        on.updateOf === 'any' ? 'update' : `update of ${on.updateOf.join(', ')}`,
        ...(on.delete ? ['delete'] : []),
      ];
      await sql
        .raw(
          `create trigger cache_version_${table} after ${events.join(' or ')} on ${table}
           for each statement execute function weerbaar_bump_cache_version()`,
        )
        .execute(db);
    }
    return;
  }
  // SQLite: row-level triggers only, one per event.
  for (const [table, on] of Object.entries(WATCHED)) {
    const events = [
      ...(on.insert ? [['insert', 'insert']] : []),
      [on.updateOf === 'any' ? 'update' : `update of ${on.updateOf.join(', ')}`, 'update'],
      ...(on.delete ? [['delete', 'delete']] : []),
    ];
    for (const [event, name] of events) {
      await sql
        .raw(`create trigger cache_version_${table}_${name} after ${event} on ${table} begin ${bump}; end`)
        .execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    for (const table of Object.keys(WATCHED)) {
      await sql.raw(`drop trigger if exists cache_version_${table} on ${table}`).execute(db);
    }
    await sql.raw('drop function if exists weerbaar_bump_cache_version()').execute(db);
  } else {
    for (const table of Object.keys(WATCHED)) {
      for (const name of ['insert', 'update', 'delete']) {
        await sql.raw(`drop trigger if exists cache_version_${table}_${name}`).execute(db);
      }
    }
  }
  await db.schema.dropTable('cache_versions').execute();
}
