import { sql, type Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable, unprotectTable } from './support/row-level-security.js';

/** Photos of persons of interest (so a receptionist or a guard can recognise someone). */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = await isPostgres(db);
  await db.schema
    .createTable('poi_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', isPg ? sql`bytea` : sql`blob`, (c) => c.notNull())
    .addColumn('uploaded_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poi_photos_poi_idx').on('poi_photos').column('poi_id').execute();
  if (isPg) await protectTable(db, 'poi_photos', ownRows, ownRows);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (await isPostgres(db)) await unprotectTable(db, 'poi_photos');
  await db.schema.dropTable('poi_photos').execute();
}
