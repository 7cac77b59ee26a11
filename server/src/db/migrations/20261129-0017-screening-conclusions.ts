import { sql, type Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable, unprotectTable } from './support/row-level-security.js';

// Conclusions of screenings as history (issue 4): every conclusion is kept with who and when
// and its position (1, 2, ...) on the screening, the newest counting; the screening keeps a copy of the current one for lists. A conclusion
// is read with its screening, so grantees of the screening read it too; only the owner writes.
// Conclusions already recorded become the first entry of their screening's history.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screening_conclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('screening_id', 'text', (c) => c.notNull().references('screenings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('concluded_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('concluded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screening_conclusions_position_idx')
    .on('screening_conclusions')
    .columns(['screening_id', 'position'])
    .unique()
    .execute();
  // The screening's id names its first conclusion: unique, and the same on both dialects.
  await sql`insert into screening_conclusions
      (id, organisation_id, screening_id, position, outcome, text, concluded_by_user_id, concluded_at)
    select id, organisation_id, id, 1, conclusion_outcome, conclusion_text, concluded_by_user_id, concluded_at
      from screenings
     where conclusion_outcome is not null and conclusion_text is not null
       and concluded_by_user_id is not null and concluded_at is not null`.execute(db);
  if (await isPostgres(db)) {
    // weerbaar_tenant() comes from migration 0006; as for screenings (0009): own rows, or a grant.
    const shared = `exists (select 1 from grants g where g.record_type = 'screening'
         and g.record_id = screening_conclusions.screening_id
         and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`;
    await protectTable(db, 'screening_conclusions', `${ownRows} or ${shared}`, ownRows);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) await unprotectTable(db, 'screening_conclusions');
  await db.schema.dropTable('screening_conclusions').ifExists().execute();
}
