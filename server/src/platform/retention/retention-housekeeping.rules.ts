import { deletedRows, type RetentionRule } from './retention-rule.js';

/**
 * Access reasons (the purpose a reader gave for opening a record), deleted
 * RETENTION_ACCESS_REASONS_DAYS after they were given. They are accountability records, but
 * the audit trail keeps every read with its purpose, and audit events are never deleted.
 */
export const accessReasonsRule: RetentionRule = {
  name: 'access_reasons.age',
  objectType: 'access_reason',
  days: (config) => config.retentionDays.accessReasons,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('access_reasons')
      .select(['id', 'organisation_id'])
      .where('created_at', '<', cutoff)
      .orderBy('created_at')
      .orderBy('id');
    q = 'id' in scope ? q.where('id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    await db.deleteFrom('access_reasons').where('id', '=', record.id).execute();
    return {};
  },
};

/** Notifications that were read, deleted RETENTION_NOTIFICATIONS_DAYS after reading; unread ones stay. */
export const notificationsRule: RetentionRule = {
  name: 'notifications.read',
  objectType: 'notification',
  days: (config) => config.retentionDays.notifications,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('notifications')
      .select(['id', 'organisation_id'])
      .where('read_at', 'is not', null)
      .where('read_at', '<', cutoff)
      .where('created_at', '<', cutoff)
      .orderBy('read_at')
      .orderBy('id');
    q = 'id' in scope ? q.where('id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    await db.deleteFrom('notifications').where('id', '=', record.id).execute();
    return {};
  },
};

/** Tasks that were completed, deleted RETENTION_TASKS_DAYS after completion; open tasks stay. */
export const tasksRule: RetentionRule = {
  name: 'tasks.done',
  objectType: 'task',
  days: (config) => config.retentionDays.tasks,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('tasks')
      .select(['id', 'organisation_id'])
      .where('status', '=', 'done')
      .where('completed_at', 'is not', null)
      .where('completed_at', '<', cutoff)
      .orderBy('completed_at')
      .orderBy('id');
    q = 'id' in scope ? q.where('id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    await db.deleteFrom('tasks').where('id', '=', record.id).execute();
    return {};
  },
};

/**
 * Grants that ended (revoked, or expired) more than RETENTION_GRANTS_DAYS ago, with their named
 * users. Live grants stay; grants of a record deleted by retention go with that record.
 */
export const grantsRule: RetentionRule = {
  name: 'grants.ended',
  objectType: 'grant',
  days: (config) => config.retentionDays.grants,
  findExpired: (db, cutoff, scope) => {
    let q = db
      .selectFrom('grants')
      .select(['id', 'organisation_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('revoked_at', 'is not', null), eb('revoked_at', '<', cutoff)]),
          eb('expires_at', '<', cutoff),
        ]),
      )
      .orderBy('created_at')
      .orderBy('id');
    q = 'id' in scope ? q.where('id', '=', scope.id) : q.limit(scope.limit);
    return q.execute();
  },
  deleteRecord: async (db, record) => {
    const grantUsers = deletedRows(
      await db.deleteFrom('grant_users').where('grant_id', '=', record.id).executeTakeFirstOrThrow(),
    );
    await db.deleteFrom('grants').where('id', '=', record.id).execute();
    return { grantUsers };
  },
};
