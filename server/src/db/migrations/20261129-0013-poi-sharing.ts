import { sql, type Kysely } from 'kysely';
import { isPostgres, ownRows } from './support/row-level-security.js';

// Persons of interest become shareable records (issue 5): on PostgreSQL the policy of 0010 (own
// rows only) also shows a row to an organisation holding a live, unrevoked grant of record type
// 'poi' (expiry is the application's check, as in 0006). Writing stays the owner's.

const poiGrantee = `exists (select 1 from grants g where g.record_type = 'poi'
  and g.record_id = pois.id and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql.raw(`drop policy if exists tenant_isolation on pois`).execute(db);
  await sql
    .raw(`create policy tenant_isolation on pois using (${ownRows} or ${poiGrantee}) with check (${ownRows})`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await sql.raw(`drop policy if exists tenant_isolation on pois`).execute(db);
  await sql.raw(`create policy tenant_isolation on pois using (${ownRows}) with check (${ownRows})`).execute(db);
}
