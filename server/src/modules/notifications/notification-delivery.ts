import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { JobContext } from '../../platform/jobs/job-runner.js';
import { mailContactOf } from '../users/user-contacts.service.js';
import * as repo from './notifications.repository.js';

/** The value of `x-weerbaar-signature`: `sha256=` and the hex HMAC-SHA256 of the raw body. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

// Mail says only that there is something to look at; the content stays behind the login.
function mailText(title: string, locale: 'nl' | 'en'): string {
  return locale === 'en'
    ? `${title}\n\nSign in to Weerbaar to see the details.\n`
    : `${title}\n\nLog in op Weerbaar om de details te zien.\n`;
}

/** Job handler: sends one notification by e-mail over SMTP; a failure is retried by the queue. */
export async function deliverNotificationEmail(ctx: JobContext, payload: Record<string, unknown>): Promise<void> {
  const notification = await repo.findNotification(ctx.db, String(payload['notificationId']));
  if (!notification || !ctx.config.smtpUrl) return;
  const contact = await mailContactOf(ctx, notification.user_id);
  if (!contact) return;
  const title = contact.locale === 'en' ? notification.title_en : notification.title_nl;
  const transport = nodemailer.createTransport(ctx.config.smtpUrl);
  try {
    await transport.sendMail({
      from: ctx.config.mailFrom,
      to: contact.email,
      subject: `Weerbaar: ${title}`,
      text: mailText(title, contact.locale),
      headers: { 'x-weerbaar-notification': notification.id },
    });
  } finally {
    transport.close();
  }
  ctx.logger.info({ notificationId: notification.id }, 'notification mailed');
}

/** Job handler: POSTs a signed JSON body to a webhook; any non-2xx answer fails the attempt. */
export async function deliverWebhook(ctx: JobContext, payload: Record<string, unknown>): Promise<void> {
  const hook = await repo.findWebhook(ctx.db, String(payload['webhookId']));
  if (!hook || hook.active !== 1) return;
  const body = String(payload['body']);
  const response = await fetch(hook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Weerbaar-Webhook/1',
      'x-weerbaar-delivery': ctx.jobId,
      'x-weerbaar-signature': signWebhookBody(hook.secret, body),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(ctx.config.webhookTimeoutMs),
  });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`webhook ${hook.id} answered ${response.status}`);
  }
  ctx.logger.info({ webhookId: hook.id, status: response.status }, 'webhook delivered');
}
