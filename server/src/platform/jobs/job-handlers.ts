import type { AppContext } from '../context.js';
import { enqueueJob } from './job-queue.js';
import type { JobHandlers } from './job-runner.js';
import { deliverNotificationEmail, deliverWebhook } from '../../modules/notifications/notification-delivery.js';
import { emailJobKind, webhookJobKind } from '../../modules/notifications/notifications.service.js';
import { scanExpiringAssessments } from '../../modules/threats/threat-triggers.service.js';
import { retentionJobKind, runRetention } from '../retention/retention.service.js';

export const expiryScanJobKind = 'threats.expiry_scan';

/** Every job kind the platform runs, by kind. */
export const jobHandlers: JobHandlers = {
  [emailJobKind]: deliverNotificationEmail,
  [webhookJobKind]: deliverWebhook,
  [expiryScanJobKind]: async (ctx) => {
    const opened = await scanExpiringAssessments(ctx);
    ctx.logger.info({ opened }, 'expiring assessments scanned');
  },
  [retentionJobKind]: async (ctx) => {
    await runRetention(ctx);
  },
};

/** Enqueues today's daily jobs; the dedupe key makes calling this on every poll harmless. */
export async function scheduleDailyJobs(ctx: AppContext): Promise<void> {
  const day = ctx.clock.now().toISOString().slice(0, 10);
  await enqueueJob(ctx.db, ctx.clock, {
    kind: expiryScanJobKind,
    payload: { day },
    dedupeKey: `${expiryScanJobKind}:${day}`,
    maxAttempts: 3,
  });
  await enqueueJob(ctx.db, ctx.clock, {
    kind: retentionJobKind,
    payload: { day },
    dedupeKey: `${retentionJobKind}:${day}`,
    maxAttempts: 3,
  });
}
