import type { Kysely } from 'kysely';

// Protective intelligence: persons of interest, threat assessments, measure plans, work orders,
// tasks, notifications, webhooks and the background job table. Like the foundation, timestamps
// are ISO-8601 UTC text, booleans 0/1 integers and structured values JSON text on both dialects.

/** Creates the protective-intelligence tables and the job queue. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createJobTable(db);
  await createPoiTables(db);
  await createThreatTables(db);
  await createPlanTables(db);
  await createWorkflowTables(db);
}

async function createJobTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_at', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();
}

async function createPoiTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pois')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('addresses', 'text', (c) => c.notNull())
    .addColumn('online_handles', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pois_org_idx').on('pois').column('organisation_id').execute();

  await db.schema
    .createTable('incident_pois')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_pois_pk', ['incident_id', 'poi_id'])
    .execute();
  await db.schema.createIndex('incident_pois_poi_idx').on('incident_pois').column('poi_id').execute();

  await db.schema
    .createTable('poi_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('poi_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('poi_groups.id').onDelete('cascade'))
    .addColumn('poi_id', 'text', (c) => c.notNull().references('pois.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('poi_group_members_pk', ['group_id', 'poi_id'])
    .execute();
}

async function createThreatTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('threat_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('officeholder_id', 'text', (c) => c.notNull().references('officeholders.id'))
    .addColumn('assessed_by_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('advised_level', 'text', (c) => c.notNull())
    .addColumn('advised_score', 'double precision', (c) => c.notNull())
    .addColumn('advice', 'text', (c) => c.notNull())
    .addColumn('decided_level', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('incident_ids', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('threat_assessments_oh_idx')
    .on('threat_assessments')
    .columns(['officeholder_id', 'assessed_at'])
    .execute();

  await db.schema
    .createTable('threat_profiles')
    .addColumn('officeholder_id', 'text', (c) => c.primaryKey().references('officeholders.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createPlanTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measure_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('officeholder_id', 'text', (c) => c.notNull().unique().references('officeholders.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('executing_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('home_address', 'text')
    .addColumn('household', 'text', (c) => c.notNull())
    .addColumn('current_level', 'text')
    .addColumn('review_due_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan_measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('measure_plans.id').onDelete('cascade'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('deciding_authority', 'text')
    .addColumn('executing_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('cost_euro', 'double precision')
    .addColumn('residence_id', 'text')
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('proposal_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_measures_plan_idx').on('plan_measures').column('plan_id').execute();

  await db.schema
    .createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('executor_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('plan_measure_id', 'text', (c) => c.notNull().unique().references('plan_measures.id'))
    .addColumn('order_payload', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('progress_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('work_orders_executor_idx')
    .on('work_orders')
    .column('executor_organisation_id')
    .execute();
}

async function createWorkflowTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('assignee_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_user_id', 'status']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_nl', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhooks_org_idx').on('webhooks').column('organisation_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webhooks',
    'notifications',
    'tasks',
    'work_orders',
    'plan_measures',
    'measure_plans',
    'threat_profiles',
    'threat_assessments',
    'poi_group_members',
    'poi_groups',
    'incident_pois',
    'pois',
    'jobs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
