import { z } from 'zod';
import { sharingPurposes, tlpLevels } from './sharing.table.js';

export const grantSchema = z
  .object({
    id: z.uuid(),
    recordType: z.string(),
    recordId: z.uuid(),
    grantee: z.object({ id: z.uuid(), name: z.string() }),
    namedUsers: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
    purpose: z.enum(sharingPurposes),
    legalBasis: z.string(),
    parts: z.array(z.string()),
    expiresAt: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .meta({ id: 'Grant' });
export type GrantDto = z.infer<typeof grantSchema>;

export const createGrantSchema = z
  .strictObject({
    granteeOrganisationId: z.uuid(),
    namedUserIds: z.array(z.uuid()).max(50).default([]),
    purpose: z.enum(sharingPurposes),
    legalBasis: z.string().trim().min(3, 'name the legal basis').max(300),
    parts: z.array(z.string()).min(1).max(10),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  })
  .meta({ id: 'CreateGrant' });
export type CreateGrantInput = z.infer<typeof createGrantSchema>;

export const grantIdParams = z.strictObject({ grantId: z.uuid() });

export const tlpSchema = z.strictObject({ tlp: z.enum(tlpLevels) }).meta({ id: 'TlpMarking' });

export const accessReasonSchema = z
  .strictObject({
    recordType: z.enum(['incident', 'officeholder', 'poi', 'screening']),
    recordId: z.uuid(),
    purpose: z.enum(sharingPurposes),
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'AccessReason' });
export type AccessReasonInput = z.infer<typeof accessReasonSchema>;

/** How the reader sees a record: through the own organisation or a grant, and what is masked. */
export const accessInfoSchema = z
  .object({
    via: z.enum(['organisation', 'grant']),
    parts: z.array(z.string()),
    masked: z.array(z.string()),
    purpose: z.enum(sharingPurposes).nullable(),
    sharedBy: z.string().nullable(),
  })
  .meta({ id: 'AccessInfo' });
export type AccessInfo = z.infer<typeof accessInfoSchema>;
