import { sql, type Kysely } from 'kysely';
import { isPostgres, protectTable as protect, unprotectTable } from './support/row-level-security.js';

// Row-level security on PostgreSQL (SQLite has none; there the service layer is the only guard).
// The tenant comes from the connection setting weerbaar.tenant, set at every connection checkout
// from the work's tenant ('*' for system work: boot, CLI, jobs). Records shared by a live,
// unrevoked grant are visible to the grantee; expiry is the application's check, since the
// database clock is not the application's clock.

const tenantTables = ['incident_forms', 'incident_events', 'incident_attachments'] as const;

/** Enables and forces tenant policies on the incident and officeholder tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql
    .raw(
      `create or replace function weerbaar_tenant() returns text language sql stable
       as $$ select coalesce(current_setting('weerbaar.tenant', true), '') $$`,
    )
    .execute(db);
  const own = `weerbaar_tenant() = '*' or organisation_id = weerbaar_tenant()`;
  await protect(
    db,
    'incidents',
    `${own} or exists (select 1 from grants g where g.record_type = 'incident' and g.record_id = incidents.id
       and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`,
    own,
  );
  await protect(
    db,
    'officeholders',
    `${own} or exists (select 1 from incidents i where i.officeholder_id = officeholders.id)`,
    own,
  );
  for (const table of tenantTables) {
    await protect(db, table, `${own} or exists (select 1 from incidents i where i.id = ${table}.incident_id)`, own);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  for (const table of ['incidents', 'officeholders', ...tenantTables]) await unprotectTable(db, table);
}
