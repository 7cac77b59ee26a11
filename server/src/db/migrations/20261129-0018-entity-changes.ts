import { sql, type Kysely } from 'kysely';
import { isPostgres } from './support/row-level-security.js';

// When an entity's content last changed (insert, or an import that changed it; not the
// `last_seen` touch of an unchanged re-import), so the screening engines read only what changed
// since they were built. Existing rows take `last_seen`: never earlier than their last change.
// No index: an import pays for every index on `entities`, and the engines read the changed rows
// of one dataset rarely (once per import), through the primary key's dataset prefix.
// SQLite adds a NOT NULL column only with a default; PostgreSQL drops it after the backfill, so a
// writer that forgets the column fails there instead of hiding a change from the engines.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('entities')
    .addColumn('changed_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update entities set changed_at = last_seen`.execute(db);
  if (await isPostgres(db)) await sql`alter table entities alter column changed_at drop default`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('entities').dropColumn('changed_at').execute();
}
