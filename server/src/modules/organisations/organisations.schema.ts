import { z } from 'zod';
import { organisationTypes } from './organisations.table.js';

export const organisationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    type: z.enum(organisationTypes),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const createOrganisationSchema = z.strictObject({
  slug: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens'),
  name: z.string().trim().min(2).max(200),
  type: z.enum(organisationTypes),
});

export const updateOrganisationSchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  active: z.boolean().optional(),
});

export const organisationIdParams = z.strictObject({ organisationId: z.uuid() });
