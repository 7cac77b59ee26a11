import { randomBytes } from 'node:crypto';
import { notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { enqueueJob } from '../../platform/jobs/job-queue.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { CreateWebhookInput, NotificationDto, WebhookDto } from './notifications.schema.js';
import * as repo from './notifications.repository.js';

export const emailJobKind = 'notification.email';
export const webhookJobKind = 'webhook.deliver';

/** What to tell people; titles go out by mail and webhook, so they never carry personal data. */
export type NewNotification = {
  organisationId: string;
  userIds: readonly string[];
  kind: string;
  title_nl: string;
  title_en: string;
  subjectType: string;
  subjectId: string;
};

const toDto = (row: repo.NotificationRow): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  title_nl: row.title_nl,
  title_en: row.title_en,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** Stores in-app notifications and queues their mail and webhook deliveries, in the caller's transaction (`ctx.db`). */
export async function notifyUsers(ctx: AppContext, input: NewNotification): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const rows = [...new Set(input.userIds)].map((userId) => ({
    id: newId(),
    organisation_id: input.organisationId,
    user_id: userId,
    kind: input.kind,
    title_nl: input.title_nl,
    title_en: input.title_en,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    created_at: now,
    read_at: null,
  }));
  await repo.insertNotifications(ctx.db, rows);
  if (ctx.config.smtpUrl) {
    for (const row of rows)
      await enqueueJob(ctx.db, ctx.clock, { kind: emailJobKind, payload: { notificationId: row.id } });
  }
  await emitWebhookEvent(ctx, input.organisationId, 'notification.created', {
    kind: input.kind,
    title_nl: input.title_nl,
    title_en: input.title_en,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    recipients: rows.length,
  });
}

/** Queues one signed delivery per active webhook of the organisation, in the caller's transaction. */
export async function emitWebhookEvent(
  ctx: AppContext,
  organisationId: string,
  event: string,
  data: Record<string, unknown>,
): Promise<void> {
  const hooks = await repo.listWebhooks(ctx.db, organisationId, true);
  for (const hook of hooks) {
    const body = JSON.stringify({
      id: newId(),
      event,
      organisationId,
      occurredAt: ctx.clock.now().toISOString(),
      data,
    });
    await enqueueJob(ctx.db, ctx.clock, {
      kind: webhookJobKind,
      payload: { webhookId: hook.id, body },
      maxAttempts: 8,
    });
  }
}

/** The actor's notifications, newest first. */
export async function listMyNotifications(ctx: RequestContext, onlyUnread: boolean): Promise<NotificationDto[]> {
  const rows = await repo.listNotificationsOf(ctx.db, ctx.actor.organisationId, ctx.actor.userId, onlyUnread);
  return rows.map(toDto);
}

/** Marks one of the actor's notifications read; anyone else's answers not found. */
export async function markNotificationRead(ctx: RequestContext, id: string): Promise<NotificationDto> {
  const row = await repo.findNotification(ctx.db, id);
  if (!row || row.user_id !== ctx.actor.userId || row.organisation_id !== ctx.actor.organisationId) {
    throw notFound('notification');
  }
  const now = ctx.clock.now().toISOString();
  await repo.markRead(ctx.db, id, now);
  return toDto({ ...row, read_at: row.read_at ?? now });
}

const webhookDto = (row: repo.WebhookRow): WebhookDto => ({
  id: row.id,
  url: row.url,
  description: row.description,
  active: row.active === 1,
  createdAt: row.created_at,
});

async function auditWebhook(ctx: RequestContext, db: AppContext['db'], action: string, id: string): Promise<void> {
  await recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'webhook',
    objectId: id,
    origin: ctx.origin,
  });
}

/** Registers a webhook for the actor's organisation; the signing secret is returned only now. */
export async function createWebhook(
  ctx: RequestContext,
  input: CreateWebhookInput,
): Promise<WebhookDto & { secret: string }> {
  const row: repo.WebhookRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    url: input.url,
    secret: randomBytes(32).toString('base64url'),
    description: input.description,
    active: 1,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertWebhook(trx, row);
    await auditWebhook(ctx, trx, 'webhook.create', row.id);
  });
  return { ...webhookDto(row), secret: row.secret };
}

/** The organisation's webhooks, without their secrets. */
export async function listWebhooks(ctx: RequestContext): Promise<WebhookDto[]> {
  return (await repo.listWebhooks(ctx.db, ctx.actor.organisationId, false)).map(webhookDto);
}

/** Switches a webhook off; pending deliveries are dropped when they run. */
export async function deactivateWebhook(ctx: RequestContext, id: string): Promise<WebhookDto> {
  const row = await repo.findWebhook(ctx.db, id);
  if (!row || row.organisation_id !== ctx.actor.organisationId) throw notFound('webhook');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deactivateWebhook(trx, ctx.actor.organisationId, id);
    await auditWebhook(ctx, trx, 'webhook.deactivate', id);
  });
  return webhookDto({ ...row, active: 0 });
}
