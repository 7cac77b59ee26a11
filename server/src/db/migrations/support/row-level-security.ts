import { sql, type Kysely } from 'kysely';

// Shared by the migrations that add row-level security; see 20261129-0006 for the model.

/** True on PostgreSQL (SQLite has no `version()`); row-level security exists only there. */
export async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** The condition for rows of the current tenant, or for system work ('*'). */
export const ownRows = `weerbaar_tenant() = '*' or organisation_id = weerbaar_tenant()`;

/** Enables and forces row-level security on a table with one policy for reading and one check for writing. */
export async function protectTable(db: Kysely<unknown>, table: string, using: string, check: string): Promise<void> {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql.raw(`alter table ${table} force row level security`).execute(db);
  await sql.raw(`create policy tenant_isolation on ${table} using (${using}) with check (${check})`).execute(db);
}

/** Removes what protectTable added. */
export async function unprotectTable(db: Kysely<unknown>, table: string): Promise<void> {
  await sql.raw(`drop policy if exists tenant_isolation on ${table}`).execute(db);
  await sql.raw(`alter table ${table} no force row level security`).execute(db);
  await sql.raw(`alter table ${table} disable row level security`).execute(db);
}
