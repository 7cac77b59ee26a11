import type { Kysely } from 'kysely';

// Datasets, persons of interest and screenings carry a TLP 2.0 marking of their own (issue 3),
// as incidents and officeholders do: default AMBER, which keeps every existing grant valid.
// Row-level security needs no change: the marking limits grants, not the owner's rows.

const tables = ['datasets', 'pois', 'screenings'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await db.schema
      .alterTable(table)
      .addColumn('tlp', 'text', (c) => c.notNull().defaultTo('AMBER'))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await db.schema.alterTable(table).dropColumn('tlp').execute();
}
