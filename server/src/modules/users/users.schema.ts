import { z } from 'zod';
import { roles } from '../../platform/access/roles.js';

export const userSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(roles)),
    locale: z.enum(['nl', 'en']),
    active: z.boolean(),
    mfaEnrolled: z.boolean(),
    locked: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be an e-mail address' }));

export const createUserSchema = z.strictObject({
  organisationId: z.uuid(),
  email,
  displayName: z.string().trim().min(1).max(200),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  password: z.string().min(1).max(256),
  locale: z.enum(['nl', 'en']).default('nl'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length).optional(),
  active: z.boolean().optional(),
  locale: z.enum(['nl', 'en']).optional(),
  resetMfa: z.literal(true).optional(),
  unlock: z.literal(true).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userListQuery = z.strictObject({
  organisationId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const userIdParams = z.strictObject({ userId: z.uuid() });

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});

export const tokenIdParams = z.strictObject({ tokenId: z.uuid() });
