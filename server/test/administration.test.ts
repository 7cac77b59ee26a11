import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login } from './support/http-client.js';
import { buildApp } from '../src/app.js';
import { z } from 'zod';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

describe('platform administration', () => {
  it('lets a platform administrator create organisations and accounts with roles', async () => {
    const beheer = await buildOrganisation(t.ctx, { type: 'beheer' });
    await buildUser(t.ctx, beheer.id, ['platform_admin'], { email: 'beheer@example.test' });
    const admin = await login(t, 'beheer@example.test');
    const org = await admin.post('/api/v1/organisations', {
      slug: 'riec-oost',
      name: 'RIEC Oost-Nederland',
      type: 'riec',
    });
    expect(org.statusCode, org.body).toBe(201);
    expect(
      (await admin.post('/api/v1/organisations', { slug: 'riec-oost', name: 'Dubbel', type: 'riec' })).statusCode,
    ).toBe(409);
    expect(
      (await admin.post('/api/v1/organisations', { slug: 'Bad Slug', name: 'X', type: 'riec' })).json().issues[0].path,
    ).toBe('body.slug');
    expect(
      (await admin.post('/api/v1/organisations', { slug: 'x-y', name: 'X Y', type: 'kerk' })).json().issues[0].path,
    ).toBe('body.type');

    const user = await admin.post('/api/v1/users', {
      organisationId: org.json().id,
      email: 'Analist@RIEC.test',
      displayName: 'Analist',
      roles: ['riec_analyst'],
      password: 'een lang genoeg wachtwoord',
    });
    expect(user.statusCode, user.body).toBe(201);
    expect(user.json()).toMatchObject({ email: 'analist@riec.test', roles: ['riec_analyst'], mfaEnrolled: false });
    const weak = await admin.post('/api/v1/users', {
      organisationId: org.json().id,
      email: 'b@riec.test',
      displayName: 'B',
      roles: ['riec_analyst'],
      password: 'kort',
    });
    expect(weak.json().issues[0].path).toBe('password');

    const deactivated = await admin.patch(`/api/v1/organisations/${org.json().id}`, { active: false });
    expect(deactivated.json().active).toBe(false);
  });

  it('keeps organisation administrators inside their own organisation and away from platform rights', async () => {
    const own = await buildOrganisation(t.ctx);
    const other = await buildOrganisation(t.ctx);
    await buildUser(t.ctx, own.id, ['org_admin'], { email: 'beheer@own.test' });
    const colleague = await buildUser(t.ctx, own.id, ['oov_adviseur']);
    const stranger = await buildUser(t.ctx, other.id, ['oov_adviseur']);
    const orgAdmin = await login(t, 'beheer@own.test');
    expect((await orgAdmin.get('/api/v1/organisations')).statusCode).toBe(403);
    const listed = (await orgAdmin.get('/api/v1/users')).json();
    expect(listed.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
    expect(
      (
        await orgAdmin.post('/api/v1/users', {
          organisationId: other.id,
          email: 'x@x.test',
          displayName: 'X',
          roles: ['oov_adviseur'],
          password: 'een lang genoeg wachtwoord',
        })
      ).statusCode,
    ).toBe(404);
    expect((await orgAdmin.patch(`/api/v1/users/${colleague.id}`, { roles: ['platform_admin'] })).statusCode).toBe(403);
    expect((await orgAdmin.patch(`/api/v1/users/${stranger.id}`, { active: false })).statusCode).toBe(404);
  });

  it('resets a lost second factor: the account enrols again at the next login', async () => {
    const org = await buildOrganisation(t.ctx);
    await buildUser(t.ctx, org.id, ['org_admin'], { email: 'beheer@org.test' });
    const adviser = await buildUser(t.ctx, org.id, ['oov_adviseur'], { email: 'adviseur@org.test' });
    await login(t, 'adviseur@org.test');
    const orgAdmin = await login(t, 'beheer@org.test');
    const reset = await orgAdmin.patch(`/api/v1/users/${adviser.id}`, { resetMfa: true });
    expect(reset.json().mfaEnrolled).toBe(false);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'adviseur@org.test', password: 'correct horse battery staple' },
    });
    expect(again.json().next).toBe('totp_enrol');
  });

  it('records denied attempts in the audit trail', async () => {
    const org = await buildOrganisation(t.ctx);
    await buildUser(t.ctx, org.id, ['officeholder'], { email: 'raadslid@org.test' });
    const officeholder = await login(t, 'raadslid@org.test');
    expect((await officeholder.get('/api/v1/users')).statusCode).toBe(403);
    const denied = await t.ctx.db.selectFrom('audit_events').selectAll().where('result', '=', 'denied').execute();
    expect(denied).toHaveLength(1);
    expect(JSON.parse(denied[0]?.details ?? '{}')).toMatchObject({ permission: 'users:manage' });
  });
});

describe('deny by default', () => {
  it('refuses to start when an API route declares no access policy', async () => {
    const app = await buildApp(t.ctx);
    expect(() =>
      app.get('/api/v1/forgotten', { schema: { response: { 200: z.object({}) } } }, async () => ({})),
    ).toThrow(/declares no access policy/);
    await app.close();
  });
});
