import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from './users.table.js';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;

export const findUserByEmail = (db: Db, email: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db, id: string): Promise<UserRow | undefined> =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const insertUser = async (db: Db, row: Insertable<UsersTable>): Promise<void> => {
  await db.insertInto('users').values(row).execute();
};

export const updateUser = async (db: Db, id: string, patch: Updateable<UsersTable>): Promise<void> => {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
};

export type UserListFilter = { organisationId?: string; limit: number; offset: number };

export async function listUsers(db: Db, filter: UserListFilter): Promise<{ rows: UserRow[]; total: number }> {
  let query = db.selectFrom('users');
  if (filter.organisationId) query = query.where('organisation_id', '=', filter.organisationId);
  const rows = await query.selectAll().orderBy('email').limit(filter.limit).offset(filter.offset).execute();
  const count = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export const insertSession = async (db: Db, row: Insertable<SessionsTable>): Promise<void> => {
  await db.insertInto('sessions').values(row).execute();
};

export const findSession = (db: Db, id: string): Promise<SessionRow | undefined> =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const touchSession = async (db: Db, id: string, at: string): Promise<void> => {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
};

export const deleteSession = async (db: Db, id: string): Promise<void> => {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
};

export const deleteSessionsOfUser = async (db: Db, userId: string): Promise<void> => {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
};

export const insertApiToken = async (db: Db, row: Insertable<ApiTokensTable>): Promise<void> => {
  await db.insertInto('api_tokens').values(row).execute();
};

export const listApiTokensOfUser = (db: Db, userId: string): Promise<ApiTokenRow[]> =>
  db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();

export const updateApiToken = async (db: Db, id: string, patch: Updateable<ApiTokensTable>): Promise<void> => {
  await db.updateTable('api_tokens').set(patch).where('id', '=', id).execute();
};
