import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TaskStatus, TasksTable } from './tasks.table.js';

export type TaskRow = Selectable<TasksTable>;

/** Inserts a task unless an open task with the same key exists; returns whether it was inserted. */
export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<boolean> {
  const inserted = await db
    .insertInto('tasks')
    .values(row)
    .onConflict((oc) => oc.column('open_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export const findOpenTaskByKey = (db: Db, openKey: string): Promise<TaskRow | undefined> =>
  db.selectFrom('tasks').selectAll().where('open_key', '=', openKey).executeTakeFirst();

export const listTasksOf = (
  db: Db,
  organisationId: string,
  userId: string,
  status?: TaskStatus,
): Promise<TaskRow[]> => {
  let q = db
    .selectFrom('tasks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('assignee_user_id', '=', userId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('due_at').orderBy('id').execute();
};

export const findTask = (db: Db, organisationId: string, id: string): Promise<TaskRow | undefined> =>
  db
    .selectFrom('tasks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Closes open tasks; the open key is released so the same trigger can open a new task later. */
export async function completeTasks(db: Db, ids: string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('tasks')
    .set({ status: 'done', completed_at: at, open_key: null })
    .where('id', 'in', ids)
    .where('status', '=', 'open')
    .execute();
}

export const openTasksForSubject = (
  db: Db,
  organisationId: string,
  subjectType: string,
  subjectId: string,
  kind: string,
): Promise<TaskRow[]> =>
  db
    .selectFrom('tasks')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .execute();
