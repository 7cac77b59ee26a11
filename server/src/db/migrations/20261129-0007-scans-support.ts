import type { Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable } from './support/row-level-security.js';

// Security scans (CCV areas), support requests to the officeholders' support team and decisions on
// possible duplicate persons of interest. Same conventions as the earlier migrations: ISO-8601 UTC
// text timestamps, 0/1 integers, JSON text. On PostgreSQL every new table gets a forced tenant policy.

/** Creates the scan, support and duplicate-decision tables, with row-level security on PostgreSQL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createScanTables(db);
  await createSupportTables(db);
  await createDuplicateDecisionTable(db);
  if (await isPostgres(db)) await protectTables(db);
}

async function createScanTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('security_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('officeholder_id', 'text', (c) => c.notNull().references('officeholders.id'))
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('completed_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('security_scans_oh_idx')
    .on('security_scans')
    .columns(['organisation_id', 'officeholder_id'])
    .execute();
  await db.schema
    .createTable('scan_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scan_id', 'text', (c) => c.notNull().references('security_scans.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('question_code', 'text', (c) => c.notNull())
    .addColumn('answer_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('answered_by_user_id', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scan_answers_question_uq', ['scan_id', 'question_code'])
    .execute();
  await db.schema
    .createTable('scan_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scan_id', 'text', (c) => c.notNull().references('security_scans.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('question_code', 'text', (c) => c.notNull())
    .addColumn('answer_code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('measure_codes', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text')
    .addColumn('proposed_by_user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('scan_findings_question_uq', ['scan_id', 'question_code'])
    .execute();
}

async function createSupportTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('support_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('support_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('requester_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('officeholder_id', 'text', (c) => c.notNull().references('officeholders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('for_whom', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('support_requests_support_idx')
    .on('support_requests')
    .columns(['support_organisation_id', 'status'])
    .execute();
  await db.schema
    .createIndex('support_requests_org_idx')
    .on('support_requests')
    .columns(['organisation_id', 'requester_user_id'])
    .execute();
  await db.schema
    .createTable('support_request_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('support_requests.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_request_notes_request_idx')
    .on('support_request_notes')
    .column('request_id')
    .execute();
}

async function createDuplicateDecisionTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('poi_duplicate_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('left_poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('right_poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by_user_id', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('poi_duplicate_decisions_pair_idx')
    .on('poi_duplicate_decisions')
    .columns(['organisation_id', 'left_poi_id', 'right_poi_id'])
    .execute();
}

const ownTables = ['security_scans', 'scan_answers', 'scan_findings', 'poi_duplicate_decisions'] as const;
const supportTables = ['support_requests', 'support_request_notes'] as const;

// The same condition guards reading and writing for these tables.
const protect = (db: Kysely<unknown>, table: string, policy: string) => protectTable(db, table, policy, policy);

// weerbaar_tenant() comes from migration 0006. A support request belongs to the requester's
// municipality but is handled by the support organisation, and may be shared with named people
// elsewhere through a live grant; its notes follow the request.
async function protectTables(db: Kysely<unknown>): Promise<void> {
  const own = ownRows;
  for (const table of ownTables) await protect(db, table, own);
  await protect(
    db,
    'support_requests',
    `${own} or support_organisation_id = weerbaar_tenant()
       or exists (select 1 from grants g where g.record_type = 'support_request' and g.record_id = support_requests.id
         and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`,
  );
  await protect(
    db,
    'support_request_notes',
    `${own} or exists (select 1 from support_requests r where r.id = support_request_notes.request_id)`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'poi_duplicate_decisions',
    ...supportTables.slice().reverse(),
    'scan_findings',
    'scan_answers',
    'security_scans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
