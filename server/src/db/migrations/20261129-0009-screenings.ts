import type { Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable } from './support/row-level-security.js';

// Screening records (issue 4): one row per screening, its answer kept as JSON text so the
// record shows what the adviser saw. Tenant data: forced row-level security on PostgreSQL
// (own organisation, or a live grant of record type 'screening'), as migration 0006 does.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('case_reference', 'text')
    .addColumn('subject_schema', 'text', (c) => c.notNull())
    .addColumn('subject_caption', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('datasets', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('candidate_count', 'integer', (c) => c.notNull())
    .addColumn('red_flag_count', 'integer', (c) => c.notNull())
    .addColumn('conclusion_outcome', 'text')
    .addColumn('conclusion_text', 'text')
    .addColumn('concluded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('concluded_at', 'text')
    .execute();
  await db.schema
    .createIndex('screenings_organisation_idx')
    .on('screenings')
    .columns(['organisation_id', 'created_at'])
    .execute();
  if (await isPostgres(db)) await protect(db);
}

// weerbaar_tenant() comes from migration 0006.
async function protect(db: Kysely<unknown>): Promise<void> {
  const own = ownRows;
  const shared = `exists (select 1 from grants g where g.record_type = 'screening' and g.record_id = screenings.id
       and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`;
  await protectTable(db, 'screenings', `${own} or ${shared}`, own);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('screenings').ifExists().execute();
}
