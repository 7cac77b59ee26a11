import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Makes sure the application role exists without BYPASSRLS and may use the current schema's
 * tables (now and later ones), while the migrating role stays their owner. Runs on the owner's
 * connection after migrations.
 */
export async function ensureAppRole(db: Db, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`invalid role name ${role}`);
  await sql
    .raw(
      `do $$ begin
         if not exists (select from pg_roles where rolname = '${role}') then
           create role ${role} nologin nosuperuser nobypassrls;
         end if;
       end $$`,
    )
    .execute(db);
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s;
  if (!schema) throw new Error('no current schema');
  await sql
    .raw(`grant ${role} to current_user`)
    .execute(db)
    .catch(() => undefined);
  await sql.raw(`grant usage on schema ${schema} to ${role}`).execute(db);
  await sql.raw(`grant select, insert, update, delete on all tables in schema ${schema} to ${role}`).execute(db);
  await sql
    .raw(`alter default privileges in schema ${schema} grant select, insert, update, delete on tables to ${role}`)
    .execute(db);
}
