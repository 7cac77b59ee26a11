import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { TaskDto, TaskKind } from './tasks.schema.js';
import * as repo from './tasks.repository.js';

export type NewTask = {
  organisationId: string;
  assigneeUserId: string;
  kind: TaskKind;
  title_nl: string;
  title_en: string;
  subjectType: string;
  subjectId: string;
  dueAt: string;
  /** At most one open task per key: a trigger firing twice does not pile up work. */
  openKey?: string;
};

function toDto(row: repo.TaskRow, now: string): TaskDto {
  return {
    id: row.id,
    kind: row.kind,
    title_nl: row.title_nl,
    title_en: row.title_en,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    dueAt: row.due_at,
    isOverdue: row.status === 'open' && row.due_at < now,
    status: row.status,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Creates a task in the caller's transaction (`ctx.db`); returns its id, or null when an open one with the key exists. */
export async function createTask(ctx: AppContext, task: NewTask): Promise<string | null> {
  const id = newId();
  const isNew = await repo.insertTask(ctx.db, {
    id,
    organisation_id: task.organisationId,
    assignee_user_id: task.assigneeUserId,
    kind: task.kind,
    title_nl: task.title_nl,
    title_en: task.title_en,
    subject_type: task.subjectType,
    subject_id: task.subjectId,
    due_at: task.dueAt,
    status: 'open',
    open_key: task.openKey ?? null,
    created_at: ctx.clock.now().toISOString(),
    completed_at: null,
  });
  return isNew ? id : null;
}

/** Closes the open tasks of a kind about a subject (e.g. reassessment done), in the caller's transaction. */
export async function completeTasksFor(
  ctx: AppContext,
  organisationId: string,
  subject: { type: string; id: string; kind: TaskKind },
): Promise<number> {
  const open = await repo.openTasksForSubject(ctx.db, organisationId, subject.type, subject.id, subject.kind);
  await repo.completeTasks(
    ctx.db,
    open.map((t) => t.id),
    ctx.clock.now().toISOString(),
  );
  return open.length;
}

/** The actor's own tasks, soonest deadline first. */
export async function listMyTasks(ctx: RequestContext, status?: 'open' | 'done'): Promise<TaskDto[]> {
  const rows = await repo.listTasksOf(ctx.db, ctx.actor.organisationId, ctx.actor.userId, status);
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => toDto(r, now));
}

/** Marks one of the actor's own tasks done; someone else's task answers not found. */
export async function completeTask(ctx: RequestContext, id: string): Promise<TaskDto> {
  const row = await repo.findTask(ctx.db, ctx.actor.organisationId, id);
  if (!row || row.assignee_user_id !== ctx.actor.userId) throw notFound('task');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.completeTasks(trx, [id], now);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'task.complete',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'task',
      objectId: id,
      origin: ctx.origin,
    });
  });
  const done = row.status === 'open' ? { ...row, status: 'done' as const, completed_at: now, open_key: null } : row;
  return toDto(done, now);
}
