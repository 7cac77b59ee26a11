import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser, testPassword } from './support/factories.js';
import { clientFor, login } from './support/http-client.js';
import { totpCode } from '../src/platform/auth/totp.js';
import { findUserByEmail } from '../src/modules/users/users.repository.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

async function adviser(email = 'adviseur@example.test') {
  const org = await buildOrganisation(t.ctx);
  await buildUser(t.ctx, org.id, ['oov_adviseur'], { email });
  return org;
}

const loginRequest = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('login with a second factor', () => {
  it('makes a new account enrol TOTP before it can do anything, then lets it in', async () => {
    await adviser();
    const first = await loginRequest('adviseur@example.test', testPassword);
    expect(first.json()).toMatchObject({ next: 'totp_enrol' });
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: { cookie } });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json()).toMatchObject({ error: 'mfa_required' });

    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enrolment',
      headers: { cookie, 'x-csrf-token': first.json().csrfToken },
    });
    expect(enrol.json().uri).toMatch(/^otpauth:\/\/totp\/Weerbaar:/);
    expect(enrol.json().qrDataUrl).toMatch(/^data:image\/png;base64,/);

    const client = await login(t, 'adviseur@example.test');
    const session = await client.get('/api/v1/auth/session');
    expect(session.json()).toMatchObject({
      stage: 'active',
      user: { email: 'adviseur@example.test', mfaEnrolled: true },
    });
    expect(session.json().permissions).toContain('incidents:read');
  });

  it('asks the TOTP code (not enrolment) at later logins and refuses a replayed code', async () => {
    await adviser();
    await login(t, 'adviseur@example.test');
    const second = await loginRequest('adviseur@example.test', testPassword);
    expect(second.json().next).toBe('totp');
    const cookie = String(second.headers['set-cookie']).split(';')[0] ?? '';
    const user = await findUserByEmail(t.ctx.db, 'adviseur@example.test');
    const replayed = totpCode(user?.totp_secret ?? '', t.clock.now());
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      headers: { cookie, 'x-csrf-token': second.json().csrfToken },
      payload: { code: replayed },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('code');
  });

  it('gives one message for an unknown account and a wrong password', async () => {
    await adviser();
    const unknown = await loginRequest('nobody@example.test', testPassword);
    const wrong = await loginRequest('adviseur@example.test', 'wrong password here');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(unknown.json().error).toBe(wrong.json().error);
  });

  it('locks the account after repeated failures, even for the right password, and unlocks after the lock time', async () => {
    await adviser();
    for (let i = 0; i < 5; i++)
      expect((await loginRequest('adviseur@example.test', 'wrong password here')).statusCode).toBe(401);
    expect((await loginRequest('adviseur@example.test', testPassword)).statusCode).toBe(401);
    t.clock.advance(16 * 60_000);
    expect((await loginRequest('adviseur@example.test', testPassword)).statusCode).toBe(200);
  });

  it('slows down a client that keeps trying: too many login attempts a minute answer 429', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const attempt = () =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'x@example.test', password: 'wrong password here' },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const refused = await attempt();
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toBe('too_many_requests');
    } finally {
      await limited.close();
    }
  });

  it('stores passwords as Argon2id hashes', async () => {
    await adviser();
    const user = await findUserByEmail(t.ctx.db, 'adviseur@example.test');
    expect(user?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});

describe('sessions', () => {
  it('ends after 15 idle minutes and after 12 hours in all', async () => {
    await adviser();
    const client = await login(t, 'adviseur@example.test');
    t.clock.advance(14 * 60_000);
    expect((await client.get('/api/v1/incidents')).statusCode).toBe(200);
    t.clock.advance(17 * 60_000);
    expect((await client.get('/api/v1/incidents')).statusCode).toBe(401);

    const again = await login(t, 'adviseur@example.test');
    for (let minutes = 10; minutes <= 710; minutes += 10) {
      t.clock.advance(10 * 60_000);
      expect((await again.get('/api/v1/incidents')).statusCode).toBe(200);
    }
    t.clock.advance(11 * 60_000);
    expect((await again.get('/api/v1/incidents')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite=Strict cookie and refuses changes without the CSRF token', async () => {
    await adviser();
    const res = await loginRequest('adviseur@example.test', testPassword);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const client = await login(t, 'adviseur@example.test');
    const withoutToken = await clientFor(t, client.cookie, 'forged').post('/api/v1/officeholders', {
      fullName: 'Jan Jansen',
      office: 'wethouder',
    });
    expect(withoutToken.statusCode).toBe(403);
    const withToken = await client.post('/api/v1/officeholders', { fullName: 'Jan Jansen', office: 'wethouder' });
    expect(withToken.statusCode).toBe(201);
  });

  it('logs out: the old cookie no longer works', async () => {
    await adviser();
    const client = await login(t, 'adviseur@example.test');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/incidents')).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticates machine clients with a bearer token without CSRF, stores only a hash and stops at revocation', async () => {
    await adviser();
    const client = await login(t, 'adviseur@example.test');
    const created = await client.post('/api/v1/me/api-tokens', { name: 'koppeling politie' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const stored = await t.ctx.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer });
    expect(listed.statusCode).toBe(200);
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officeholders',
      headers: bearer,
      payload: { fullName: 'Piet Bakker', office: 'raadslid' },
    });
    expect(posted.statusCode).toBe(201);

    expect((await client.delete(`/api/v1/me/api-tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer })).statusCode).toBe(401);
  });

  it('refuses an unknown token', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/incidents',
      headers: { authorization: 'Bearer wbt_nope' },
    });
    expect(res.statusCode).toBe(401);
  });
});
