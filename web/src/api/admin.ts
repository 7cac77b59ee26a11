import { useQuery } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Officeholder, OfficeholderInput, Organisation, Page, User, UserCreate, UserUpdate } from './types';

export const adminKeys = {
  officeholders: (includeInactive: boolean) => ['officeholders', includeInactive] as const,
  organisations: ['organisations'] as const,
  users: (page: number) => ['users', page] as const,
};

export function useOfficeholders(includeInactive = false, enabled = true) {
  return useQuery({
    queryKey: adminKeys.officeholders(includeInactive),
    queryFn: () =>
      api<Officeholder[]>(
        'GET',
        `/officeholders${queryString({ includeInactive: includeInactive ? 'true' : undefined })}`,
      ),
    enabled,
  });
}

export const createOfficeholder = (input: OfficeholderInput): Promise<Officeholder> =>
  api<Officeholder>('POST', '/officeholders', input);
export const updateOfficeholder = (id: string, input: Partial<OfficeholderInput>): Promise<Officeholder> =>
  api<Officeholder>('PATCH', `/officeholders/${encodeURIComponent(id)}`, input);

export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: adminKeys.organisations,
    queryFn: () => api<Organisation[]>('GET', '/organisations'),
    enabled,
  });
}

export const createOrganisation = (input: { slug: string; name: string; type: string }): Promise<Organisation> =>
  api<Organisation>('POST', '/organisations', input);
export const updateOrganisation = (id: string, input: { name?: string; active?: boolean }): Promise<Organisation> =>
  api<Organisation>('PATCH', `/organisations/${encodeURIComponent(id)}`, input);

export function useUsers(page: number) {
  return useQuery({
    queryKey: adminKeys.users(page),
    queryFn: () => api<Page<User>>('GET', `/users${queryString({ page, pageSize: 50 })}`),
  });
}

export const createUser = (input: UserCreate): Promise<User> => api<User>('POST', '/users', input);
export const updateUser = (id: string, input: UserUpdate): Promise<User> =>
  api<User>('PATCH', `/users/${encodeURIComponent(id)}`, input);
