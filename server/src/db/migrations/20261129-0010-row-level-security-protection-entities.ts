import type { Kysely } from 'kysely';
import { isPostgres, ownRows, protectTable, unprotectTable } from './support/row-level-security.js';

// Row-level security for the protective-intelligence and entity tables (the incident tables got
// theirs in 0006). Work orders are also the executing organisation's; notifications and tasks
// may be written for another organisation (a security company's progress notifies the plan
// owner) but are read only by their own; datasets are also the grantee's while a grant is live.

const ownTables = [
  'pois',
  'incident_pois',
  'poi_groups',
  'poi_group_members',
  'threat_assessments',
  'threat_profiles',
  'measure_plans',
  'plan_measures',
  'webhooks',
  'match_decisions',
];

const datasetVisible = (table: string) => `exists (select 1 from datasets d where d.id = ${table}.dataset_id)`;

/** Enables and forces tenant policies on the tables created in 0003 and 0005. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  for (const table of ownTables) await protectTable(db, table, ownRows, ownRows);
  const ownOrExecutor = `${ownRows} or executor_organisation_id = weerbaar_tenant()`;
  await protectTable(db, 'work_orders', ownOrExecutor, ownOrExecutor);
  for (const table of ['notifications', 'tasks']) await protectTable(db, table, ownRows, 'true');
  await protectTable(
    db,
    'datasets',
    `${ownRows} or exists (select 1 from grants g where g.record_type = 'dataset' and g.record_id = datasets.id
       and g.grantee_organisation_id = weerbaar_tenant() and g.revoked_at is null)`,
    ownRows,
  );
  for (const table of ['entities', 'entity_refs']) {
    const ownDataset = `exists (select 1 from datasets d where d.id = ${table}.dataset_id and d.organisation_id = weerbaar_tenant())`;
    await protectTable(
      db,
      table,
      `weerbaar_tenant() = '*' or ${datasetVisible(table)}`,
      `weerbaar_tenant() = '*' or ${ownDataset}`,
    );
  }
  // An organisation's own flags, and the dataset owner's flags on a dataset shared with it.
  await protectTable(
    db,
    'entity_flags',
    `${ownRows} or exists (select 1 from datasets d where d.id = entity_flags.dataset_id and d.organisation_id = entity_flags.organisation_id)`,
    ownRows,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  const all = [
    ...ownTables,
    'work_orders',
    'notifications',
    'tasks',
    'datasets',
    'entities',
    'entity_refs',
    'entity_flags',
  ];
  for (const table of all) await unprotectTable(db, table);
}
