import type { Kysely } from 'kysely';

// Sensitive officeholder details, stored only as AES-256-GCM envelopes (see
// platform/crypto/field-encryption.ts); the columns never hold clear text.

/** Adds the encrypted home address and household columns to officeholders. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('officeholders').addColumn('home_address', 'text').execute();
  await db.schema.alterTable('officeholders').addColumn('family_members', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('officeholders').dropColumn('family_members').execute();
  await db.schema.alterTable('officeholders').dropColumn('home_address').execute();
}
