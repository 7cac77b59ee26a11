import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';

let t: TestApp;
let m: Municipality;
let requester: Client;
let approver: Client;

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  await buildUser(t.ctx, m.org.id, ['dpo'], { email: 'fg@tilburg.test' });
  await buildIncident(m.rc, m.wethouder.id, { summary: '=HYPERLINK("http://x") bedreiging' });
  await buildIncident(m.rc, m.raadslid.id, { summary: 'Scheldpartij, "luid"' });
  requester = await login(t, 'adviseur@tilburg.test');
  approver = await login(t, 'fg@tilburg.test');
});
afterEach(async () => t.close());

const ask = () =>
  requester.post('/api/v1/exports', {
    kind: 'incidents_csv',
    filters: {},
    reason: 'Jaarrapportage aan de gemeenteraad',
  });

describe('bulk export under four eyes', () => {
  it('cannot be completed by one person alone', async () => {
    const request = (await ask()).json();
    expect(request.status).toBe('pending');
    expect((await requester.get(`/api/v1/exports/${request.id}/download`)).statusCode).toBe(409);
    expect((await requester.post(`/api/v1/exports/${request.id}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await requester.get('/api/v1/exports')).json()[0].status).toBe('pending');
  });

  it('downloads once after a second person approves, as CSV safe for spreadsheets', async () => {
    const request = (await ask()).json();
    const listed = await approver.get('/api/v1/exports');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().map((e: { id: string }) => e.id)).toContain(request.id);
    const decided = await approver.post(`/api/v1/exports/${request.id}/decision`, { approve: true, note: 'akkoord' });
    expect(decided.json()).toMatchObject({ status: 'approved', decidedBy: { displayName: expect.any(String) } });
    expect((await approver.get(`/api/v1/exports/${request.id}/download`)).statusCode).toBe(403);
    const file = await requester.get(`/api/v1/exports/${request.id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    const lines = file.body.trim().split('\r\n');
    expect(lines[0]).toBe('referentie,datum,ambtsdrager,functie,vormen,kanaal,ernst,status,proces,samenvatting');
    expect(lines).toHaveLength(3);
    expect(file.body).toContain(`"'=HYPERLINK(""http://x"") bedreiging"`);
    expect(file.body).toContain('"Scheldpartij, ""luid"""');
    expect((await requester.get(`/api/v1/exports/${request.id}/download`)).statusCode).toBe(409);
    const actions = (
      await t.ctx.db.selectFrom('audit_events').select('action').where('object_type', '=', 'export').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['export.request', 'export.approve', 'export.download']);
  });

  it('refuses after rejection or when the approval has expired', async () => {
    const rejected = (await ask()).json();
    await approver.post(`/api/v1/exports/${rejected.id}/decision`, { approve: false, note: 'niet nodig' });
    expect((await requester.get(`/api/v1/exports/${rejected.id}/download`)).statusCode).toBe(409);
    expect((await approver.post(`/api/v1/exports/${rejected.id}/decision`, { approve: true })).statusCode).toBe(409);

    const late = (await ask()).json();
    await approver.post(`/api/v1/exports/${late.id}/decision`, { approve: true });
    t.clock.advance(25 * 3_600_000);
    const again = await login(t, 'adviseur@tilburg.test');
    expect((await again.get(`/api/v1/exports/${late.id}/download`)).statusCode).toBe(409);
  });

  it('asks a reason and refuses unknown filters', async () => {
    const noReason = await requester.post('/api/v1/exports', { kind: 'incidents_csv', reason: 'kort' });
    expect(noReason.json().issues[0].path).toBe('body.reason');
    const badFilter = await requester.post('/api/v1/exports', {
      kind: 'incidents_csv',
      filters: { colour: 'red' },
      reason: 'Jaarrapportage aan de raad',
    });
    expect(badFilter.statusCode).toBe(400);
  });
});
