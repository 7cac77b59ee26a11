import type { Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable, unprotectTable } from './support/row-level-security.js';

/** Links from a person of interest to entities in the network (a perpetrator who directs a company). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('poi_entity_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('poi_entity_links_unique', ['poi_id', 'dataset_id', 'entity_id'])
    .execute();
  if (await isPostgres(db)) await protectTable(db, 'poi_entity_links', ownRows, ownRows);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) await unprotectTable(db, 'poi_entity_links');
  await db.schema.dropTable('poi_entity_links').execute();
}
