import { sql, type Kysely } from 'kysely';

// Entities are keyed by (dataset, FtM id) so two datasets may carry the same id without clashing.
// caption_key uses byte order ("C" collation on PostgreSQL, SQLite's default BINARY) so a
// prefix search is one index range scan on both dialects.

/** Datasets, FtM entities with their references, analyst flags and match decisions. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = await detectPostgres(db);
  await db.schema
    .createTable('datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('datasets_org_name_unique', ['organisation_id', 'name'])
    .execute();

  await db.schema
    .createTable('entities')
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('schema', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('caption_key', 'text', (c) => (isPostgres ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull()))
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('first_seen', 'text', (c) => c.notNull())
    .addColumn('last_seen', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('entities_pk', ['dataset_id', 'id'])
    .execute();
  await db.schema.createIndex('entities_caption_idx').on('entities').columns(['dataset_id', 'caption_key']).execute();

  await db.schema
    .createTable('entity_refs')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('entity_refs_source_idx')
    .on('entity_refs')
    .columns(['dataset_id', 'source_id'])
    .execute();
  await db.schema
    .createIndex('entity_refs_target_idx')
    .on('entity_refs')
    .columns(['dataset_id', 'target_id'])
    .execute();

  await db.schema
    .createTable('entity_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('datasets.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('flagged_by_user_id', 'text', (c) => c.notNull())
    .addColumn('flagged_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_user_id', 'text')
    .execute();
  await db.schema
    .createIndex('entity_flags_entity_idx')
    .on('entity_flags')
    .columns(['dataset_id', 'entity_id'])
    .execute();

  await db.schema
    .createTable('match_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('left_dataset_id', 'text', (c) => c.notNull())
    .addColumn('left_entity_id', 'text', (c) => c.notNull())
    .addColumn('right_dataset_id', 'text', (c) => c.notNull())
    .addColumn('right_entity_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('match_decisions_left_idx')
    .on('match_decisions')
    .columns(['organisation_id', 'left_dataset_id', 'left_entity_id'])
    .execute();
  await db.schema
    .createIndex('match_decisions_right_idx')
    .on('match_decisions')
    .columns(['organisation_id', 'right_dataset_id', 'right_entity_id'])
    .execute();
}

async function detectPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select version()`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['match_decisions', 'entity_flags', 'entity_refs', 'entities', 'datasets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
