import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { OrganisationsTable } from './organisations.table.js';

export type OrganisationRow = Selectable<OrganisationsTable>;

export const findOrganisationById = (db: Db, id: string): Promise<OrganisationRow | undefined> =>
  db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationBySlug = (db: Db, slug: string): Promise<OrganisationRow | undefined> =>
  db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();

export const listOrganisations = (db: Db): Promise<OrganisationRow[]> =>
  db.selectFrom('organisations').selectAll().orderBy('name').execute();

export const insertOrganisation = async (db: Db, row: Insertable<OrganisationsTable>): Promise<void> => {
  await db.insertInto('organisations').values(row).execute();
};

export const updateOrganisation = async (db: Db, id: string, patch: Updateable<OrganisationsTable>): Promise<void> => {
  await db.updateTable('organisations').set(patch).where('id', '=', id).execute();
};
