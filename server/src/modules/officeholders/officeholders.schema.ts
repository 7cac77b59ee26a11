import { z } from 'zod';
import { offices } from './officeholders.table.js';
import { accessInfoSchema } from '../sharing/sharing.schema.js';
import { tlpLevels } from '../sharing/sharing.table.js';

export const officeholderSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    userId: z.uuid().nullable(),
    fullName: z.string(),
    office: z.enum(offices),
    party: z.string().nullable(),
    portfolio: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    homeAddress: z.string().nullable().meta({ description: 'Stored encrypted at rest' }),
    masked: z.array(z.string()).meta({ description: 'Fields withheld from this reader (null in the answer)' }),
    familyMembers: z.string().nullable().meta({ description: 'Household, free text; stored encrypted at rest' }),
    active: z.boolean(),
    incidentCount: z.number().int(),
    lastIncidentAt: z.string().nullable(),
    tlp: z.enum(tlpLevels),
    access: accessInfoSchema.optional().meta({
      description: 'How the reader sees this record: own organisation or a grant (detail reads, shared rows)',
    }),
  })
  .meta({ id: 'Officeholder' });
export type OfficeholderDto = z.infer<typeof officeholderSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const createOfficeholderSchema = z.strictObject({
  fullName: z.string().trim().min(2).max(200),
  office: z.enum(offices),
  party: optionalText(100),
  portfolio: optionalText(500),
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
    .nullable()
    .optional(),
  userId: z.uuid().nullable().optional(),
  homeAddress: optionalText(500),
  familyMembers: optionalText(2000),
});
export type CreateOfficeholderInput = z.infer<typeof createOfficeholderSchema>;

export const updateOfficeholderSchema = createOfficeholderSchema
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateOfficeholderInput = z.infer<typeof updateOfficeholderSchema>;

export const officeholderIdParams = z.strictObject({ officeholderId: z.uuid() });

export const officeholderListQuery = z.strictObject({
  includeInactive: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
