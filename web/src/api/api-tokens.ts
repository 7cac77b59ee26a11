import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// Shapes mirror server/src/modules/users/users.schema.ts (apiTokenSchema) and users.routes.ts.

export type ApiToken = {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** The answer to creating a token: the only time the secret is sent. */
export type CreatedApiToken = { id: string; token: string; expiresAt: string };

export const apiTokenKeys = { all: ['api-tokens'] as const };

export function useApiTokens() {
  return useQuery({ queryKey: apiTokenKeys.all, queryFn: () => api<ApiToken[]>('GET', '/me/api-tokens') });
}

export const createApiToken = (input: { name: string; expiresInDays: number }): Promise<CreatedApiToken> =>
  api<CreatedApiToken>('POST', '/me/api-tokens', input);

export const revokeApiToken = (id: string): Promise<void> =>
  api<void>('DELETE', `/me/api-tokens/${encodeURIComponent(id)}`);
