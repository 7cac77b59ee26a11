import { z } from 'zod';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title_nl: z.string(),
    title_en: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationDto = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const notificationIdParams = z.strictObject({ notificationId: z.uuid() });

export const createWebhookSchema = z
  .strictObject({
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000),
    description: z.string().trim().max(200).default(''),
  })
  .meta({ id: 'CreateWebhook' });
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });
export type WebhookDto = z.infer<typeof webhookSchema>;

/** Returned once at creation: the secret to verify `x-weerbaar-signature` with. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string() }).meta({ id: 'CreatedWebhook' });
export const webhookIdParams = z.strictObject({ webhookId: z.uuid() });
