import { sql, type Kysely } from 'kysely';
import { isPostgres, ownRows } from './support/row-level-security.js';

// Officeholders become shareable records (issue 3): a TLP 2.0 marking (default AMBER) and, on
// PostgreSQL, a row-level-security policy that also shows the row to an organisation holding a
// live, unrevoked grant of record type 'officeholder' (expiry is the application's check, as in
// 0006). The grantee of an incident keeps seeing its officeholder.

const incidentGrantee = `exists (select 1 from incidents i where i.officeholder_id = officeholders.id)`;
const officeholderGrantee = `exists (select 1 from grants g where g.record_type = 'officeholder'
  and g.record_id = officeholders.id and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('officeholders')
    .addColumn('tlp', 'text', (c) => c.notNull().defaultTo('AMBER'))
    .execute();
  if (!(await isPostgres(db))) return;
  await sql.raw(`drop policy if exists tenant_isolation on officeholders`).execute(db);
  await sql
    .raw(
      `create policy tenant_isolation on officeholders
       using (${ownRows} or ${incidentGrantee} or ${officeholderGrantee}) with check (${ownRows})`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) {
    await sql.raw(`drop policy if exists tenant_isolation on officeholders`).execute(db);
    await sql
      .raw(
        `create policy tenant_isolation on officeholders using (${ownRows} or ${incidentGrantee}) with check (${ownRows})`,
      )
      .execute(db);
  }
  await db.schema.alterTable('officeholders').dropColumn('tlp').execute();
}
