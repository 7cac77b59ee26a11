import type { Kysely } from 'kysely';

/**
 * The organisation that owns the record an event is about, when that is not the actor's own
 * (a read through a grant), so the owner's DPO can see who outside the organisation saw it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_events').addColumn('record_owner_id', 'text').execute();
  await db.schema.createIndex('audit_events_record_owner_idx').on('audit_events').column('record_owner_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_record_owner_idx').execute();
  await db.schema.alterTable('audit_events').dropColumn('record_owner_id').execute();
}
