import { expect } from 'vitest';
import { totpCode } from '../../src/platform/auth/totp.js';
import { findUserByEmail } from '../../src/modules/users/users.repository.js';
import type { TestApp } from './test-app.js';
import { testPassword } from './factories.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Response = { statusCode: number; headers: Record<string, unknown>; body: string; json<T = any>(): T }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies

/** A signed-in browser-like client: session cookie plus the CSRF header on changes. */
export type Client = {
  request(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
  cookie: string;
  csrfToken: string;
};

function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw ?? '');
  return first.split(';')[0] ?? '';
}

/** Logs in over HTTP (password, then TOTP: enrolling on first login) and returns a client. */
export async function login(t: TestApp, email: string, password = testPassword): Promise<Client> {
  const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  expect(first.statusCode, first.body).toBe(200);
  let cookie = cookieFrom(first);
  let csrf = first.json<{ csrfToken: string; next: string }>().csrfToken;
  const next = first.json<{ next: string }>().next;
  // Every login needs a fresh TOTP time step: a replayed step is refused by design.
  t.clock.advance(31_000);
  let secret: string;
  let url = '/api/v1/auth/totp';
  if (next === 'totp_enrol') {
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrolment',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(enrol.statusCode, enrol.body).toBe(200);
    secret = enrol.json<{ secret: string }>().secret;
    url = '/api/v1/auth/totp/enrolment/confirm';
  } else {
    const user = await findUserByEmail(t.ctx.db, email);
    secret = user?.totp_secret ?? '';
  }
  const verified = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'x-csrf-token': csrf },
    payload: { code: totpCode(secret, t.clock.now()) },
  });
  expect(verified.statusCode, verified.body).toBe(200);
  cookie = cookieFrom(verified);
  csrf = verified.json<{ csrfToken: string }>().csrfToken;
  return clientFor(t, cookie, csrf);
}

export function clientFor(t: TestApp, cookie: string, csrfToken: string): Client {
  const request = async (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return res as unknown as Response;
  };
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body),
    patch: (url, body) => request('PATCH', url, body),
    delete: (url) => request('DELETE', url),
    cookie,
    csrfToken,
  };
}
