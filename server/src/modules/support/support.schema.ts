import { z } from 'zod';
import { supportKinds, supportRecipients, supportStatuses } from './support.table.js';

const text = (max: number) => z.string().trim().max(max);

/** Dutch and English labels of the kinds of support. */
export const supportKindLabels = {
  vertrouwelijk_advies: { nl: 'Vertrouwelijk advies', en: 'Confidential advice' },
  collegiale_ondersteuning: { nl: 'Collegiaal bezoek', en: 'Peer visit' },
  juridische_hulp: { nl: 'Juridische hulp', en: 'Legal help' },
  psychosociale_zorg: { nl: 'Psychosociale zorg', en: 'Psychosocial care' },
} as const;

/** Parts a requester can share: `kern` (the request itself) always, `notities` (the conversation) on choice. */
export const supportParts = ['kern', 'notities'] as const;

export const createSupportRequestSchema = z
  .strictObject({
    officeholderId: z.uuid().optional(),
    supportOrganisationId: z.uuid().optional(),
    kind: z.enum(supportKinds),
    forWhom: z.enum(supportRecipients).default('ambtsdrager'),
    summary: text(300).min(3),
    details: text(10_000).default(''),
  })
  .meta({ id: 'CreateSupportRequest' });
export type CreateSupportRequestInput = z.infer<typeof createSupportRequestSchema>;

export const supportStatusChangeSchema = z
  .strictObject({
    status: z.enum(['in_behandeling', 'afgerond']),
    version: z.number().int().min(1),
    reason: text(2000).optional(),
  })
  .meta({ id: 'SupportRequestStatusChange' });
export type SupportStatusChangeInput = z.infer<typeof supportStatusChangeSchema>;

export const withdrawSupportRequestSchema = z
  .strictObject({ version: z.number().int().min(1), reason: text(2000).optional() })
  .meta({ id: 'WithdrawSupportRequest' });
export type WithdrawInput = z.infer<typeof withdrawSupportRequestSchema>;

export const supportNoteInputSchema = z.strictObject({ body: text(10_000).min(1) }).meta({ id: 'CreateSupportNote' });

export const shareSupportRequestSchema = z
  .strictObject({
    /** The people's organisation; the requester's own municipality when left out. */
    organisationId: z.uuid().optional(),
    userIds: z.array(z.uuid()).min(1).max(20),
    parts: z.array(z.enum(supportParts)).min(1).default(['kern']),
    expiresAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  })
  .meta({ id: 'ShareSupportRequest' });
export type ShareSupportRequestInput = z.infer<typeof shareSupportRequestSchema>;

const noteSchema = z.object({
  id: z.uuid(),
  authorRole: z.enum(['support_team', 'requester']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const supportRequestSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    supportOrganisation: z.object({ id: z.uuid(), name: z.string() }),
    officeholderId: z.uuid(),
    requesterUserId: z.uuid(),
    kind: z.enum(supportKinds),
    forWhom: z.enum(supportRecipients),
    summary: z.string(),
    details: z.string(),
    status: z.enum(supportStatuses),
    statusReason: z.string().nullable(),
    version: z.number().int(),
    /** How the reader sees it: as requester, the officeholder it is about, the support team, or a named person. */
    access: z.object({
      via: z.enum(['requester', 'subject', 'support_team', 'granted']),
      parts: z.array(z.string()),
      canHandle: z.boolean(),
      canShare: z.boolean(),
    }),
    /** Null when the reader was not given the conversation. */
    notes: z.array(noteSchema).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'SupportRequest' });
export type SupportRequestDto = z.infer<typeof supportRequestSchema>;

export const supportRequestListItemSchema = supportRequestSchema
  .pick({ id: true, kind: true, forWhom: true, summary: true, status: true, officeholderId: true, createdAt: true })
  .extend({ via: z.enum(['requester', 'subject', 'support_team', 'granted']) })
  .meta({ id: 'SupportRequestListItem' });
export type SupportRequestListItem = z.infer<typeof supportRequestListItemSchema>;

export const supportOrganisationSchema = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: 'SupportOrganisation' });

export const requestIdParams = z.strictObject({ requestId: z.uuid() });
export const requestShareParams = z.strictObject({ requestId: z.uuid(), grantId: z.uuid() });
