import { z } from 'zod';

export const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    action: z.string(),
    result: z.enum(['success', 'denied', 'failure']),
    actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    /** The actor's organisation: another one than the reader's for accesses through a grant. */
    actorOrganisation: z.string().nullable(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    purpose: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventDto = z.infer<typeof auditEventSchema>;

export const auditQuerySchema = z.strictObject({
  objectType: z.string().max(50).optional(),
  objectId: z.uuid().optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  result: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
