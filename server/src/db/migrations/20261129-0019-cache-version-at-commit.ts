import { sql, type Kysely } from 'kysely';
import { isPostgres } from './support/row-level-security.js';
import { CACHE_VERSION_ROW, WATCHED } from './20261129-0016-cache-version.js';

/**
 * PostgreSQL: the access counter moves at commit instead of at the writing statement. A
 * statement-level trigger took the counter row's lock mid-transaction, so a transaction that
 * went on to wait for a row another access-changing transaction held — while that one waited for
 * the counter — deadlocked, and PostgreSQL aborted one of them with an error. Deferred constraint
 * triggers run when the transaction commits, after every other lock it takes, so no transaction
 * waits for the counter while holding what another needs. They are row-level (PostgreSQL has no
 * other kind), so the function bumps once per transaction, remembered in a transaction-local
 * setting. SQLite has one writer at a time and keeps its triggers.
 */
const bumpOnce = `
  if coalesce(current_setting('weerbaar.cache_version_bumped', true), '') <> 'yes' then
    update cache_versions set version = version + 1 where name = '${CACHE_VERSION_ROW}';
    perform set_config('weerbaar.cache_version_bumped', 'yes', true);
  end if;
  return null;`;

const events = (on: (typeof WATCHED)[string]): string =>
  [
    ...(on.insert ? ['insert'] : []),
    on.updateOf === 'any' ? 'update' : `update of ${on.updateOf.join(', ')}`,
    ...(on.delete ? ['delete'] : []),
  ].join(' or ');

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql
    .raw(
      `create or replace function weerbaar_bump_cache_version_at_commit() returns trigger language plpgsql
       as $$ begin ${bumpOnce} end $$`,
    )
    .execute(db);
  for (const [table, on] of Object.entries(WATCHED)) {
    await sql.raw(`drop trigger if exists cache_version_${table} on ${table}`).execute(db);
    await sql
      .raw(
        `create constraint trigger cache_version_${table} after ${events(on)} on ${table}
         deferrable initially deferred for each row execute function weerbaar_bump_cache_version_at_commit()`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  for (const [table, on] of Object.entries(WATCHED)) {
    await sql.raw(`drop trigger if exists cache_version_${table} on ${table}`).execute(db);
    await sql
      .raw(
        `create trigger cache_version_${table} after ${events(on)} on ${table}
         for each statement execute function weerbaar_bump_cache_version()`,
      )
      .execute(db);
  }
  await sql.raw('drop function if exists weerbaar_bump_cache_version_at_commit()').execute(db);
}
