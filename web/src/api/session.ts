import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from './client';
import type { LoginResult, SessionInfo, Taxonomy, TotpEnrolment } from './types';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo> {
  const session = await api<SessionInfo>('GET', '/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** Who is signed in; the CSRF token it carries is handed to the API client. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** True when the signed-in user holds the permission. */
export function hasPermission(session: SessionInfo | undefined, permission: string): boolean {
  return session?.permissions.includes(permission) ?? false;
}

export async function login(email: string, password: string): Promise<LoginResult> {
  const result = await api<LoginResult>('POST', '/auth/login', { email, password });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function verifyTotp(code: string): Promise<LoginResult> {
  const result = await api<LoginResult>('POST', '/auth/totp', { code });
  setCsrfToken(result.csrfToken);
  return result;
}

export const startEnrolment = (): Promise<TotpEnrolment> => api<TotpEnrolment>('POST', '/auth/totp/enrolment');

export async function confirmEnrolment(code: string): Promise<LoginResult> {
  const result = await api<LoginResult>('POST', '/auth/totp/enrolment/confirm', { code });
  setCsrfToken(result.csrfToken);
  return result;
}

export async function logout(): Promise<void> {
  await api<void>('POST', '/auth/logout');
  setCsrfToken(null);
}

/** The code lists behind forms and filters; they change only with a deployment. */
export function useTaxonomy() {
  return useQuery({
    queryKey: ['taxonomy'],
    queryFn: () => api<Taxonomy>('GET', '/taxonomy'),
    staleTime: Infinity,
  });
}
