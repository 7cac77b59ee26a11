import type { Kysely } from 'kysely';

/** Need-to-know sharing: TLP markings, grants (with named users), reasons for access, four-eyes exports. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('tlp', 'text', (c) => c.notNull().defaultTo('AMBER'))
    .execute();

  await db.schema
    .createTable('grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('grantee_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_user_id', 'text')
    .execute();
  await db.schema.createIndex('grants_record_idx').on('grants').columns(['record_type', 'record_id']).execute();
  await db.schema
    .createIndex('grants_grantee_idx')
    .on('grants')
    .columns(['grantee_organisation_id', 'record_type', 'expires_at'])
    .execute();

  await db.schema
    .createTable('grant_users')
    .addColumn('grant_id', 'text', (c) => c.notNull().references('grants.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('grant_users_pk', ['grant_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('access_reasons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_reasons_lookup_idx')
    .on('access_reasons')
    .columns(['credential_id', 'record_type', 'record_id'])
    .execute();

  await db.schema
    .createTable('export_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filters', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by_user_id', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_user_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('downloaded_at', 'text')
    .execute();
  await db.schema
    .createIndex('export_requests_org_idx')
    .on('export_requests')
    .columns(['organisation_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['export_requests', 'access_reasons', 'grant_users', 'grants']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('incidents').dropColumn('tlp').execute();
}
