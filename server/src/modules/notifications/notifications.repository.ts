import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NotificationsTable, WebhooksTable } from './notifications.table.js';

export type NotificationRow = Selectable<NotificationsTable>;
export type WebhookRow = Selectable<WebhooksTable>;

export async function insertNotifications(db: Db, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

export const listNotificationsOf = (
  db: Db,
  organisationId: string,
  userId: string,
  onlyUnread: boolean,
): Promise<NotificationRow[]> => {
  let q = db
    .selectFrom('notifications')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId);
  if (onlyUnread) q = q.where('read_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
};

export const findNotification = (db: Db, id: string): Promise<NotificationRow | undefined> =>
  db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();

export async function markRead(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

export async function insertWebhook(db: Db, row: Insertable<WebhooksTable>): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export const listWebhooks = (db: Db, organisationId: string, onlyActive: boolean): Promise<WebhookRow[]> => {
  let q = db.selectFrom('webhooks').selectAll().where('organisation_id', '=', organisationId);
  if (onlyActive) q = q.where('active', '=', 1);
  return q.orderBy('created_at').orderBy('id').execute();
};

export const findWebhook = (db: Db, id: string): Promise<WebhookRow | undefined> =>
  db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();

export async function deactivateWebhook(db: Db, organisationId: string, id: string): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ active: 0 })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}
