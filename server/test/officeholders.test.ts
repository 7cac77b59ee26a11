import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';

let t: TestApp;
let m: Municipality;
let adviser: Client;
const homeAddress = 'Dr. Ariënslaan 19, 5041 AB Tilburg';

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  await buildUser(t.ctx, m.org.id, ['org_admin'], { email: 'beheer@tilburg.test' });
  adviser = await login(t, 'adviseur@tilburg.test');
  const res = await adviser.patch(`/api/v1/officeholders/${m.wethouder.id}`, {
    homeAddress,
    familyMembers: 'partner, twee kinderen (8, 11)',
    phone: '+31 6 12345678',
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterEach(async () => t.close());

describe('sensitive officeholder fields', () => {
  it('shows the home address and family to the adviser on the detail view only, and audits that read', async () => {
    const detail = (await adviser.get(`/api/v1/officeholders/${m.wethouder.id}`)).json();
    expect(detail).toMatchObject({ homeAddress, masked: [] });
    const list = (await adviser.get('/api/v1/officeholders')).json();
    const row = list.find((o: { id: string }) => o.id === m.wethouder.id);
    expect(row).toMatchObject({ homeAddress: null, familyMembers: null, phone: '+31 6 12345678' });
    expect(JSON.stringify(list)).not.toContain('Ariënslaan');
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'officeholder.read')
      .execute();
    expect(reads).toHaveLength(1);
    expect(JSON.stringify(reads)).not.toContain('Ariënslaan');
  });

  it('masks them for the account administrator, also in the answer to a change', async () => {
    const orgAdmin = await login(t, 'beheer@tilburg.test');
    const detail = (await orgAdmin.get(`/api/v1/officeholders/${m.wethouder.id}`)).json();
    expect(detail).toMatchObject({ homeAddress: null, familyMembers: null, phone: null });
    expect(detail.masked.sort()).toEqual(['familyMembers', 'homeAddress', 'phone']);
    const changed = await orgAdmin.patch(`/api/v1/officeholders/${m.wethouder.id}`, { portfolio: 'Wonen' });
    expect(changed.body).not.toContain('Ariënslaan');
  });

  it('lets the officeholder see their own', async () => {
    const wethouder = await login(t, 'wethouder@tilburg.test');
    const own = (await wethouder.get(`/api/v1/officeholders/${m.wethouder.id}`)).json();
    expect(own.homeAddress).toBe(homeAddress);
    expect((await wethouder.get(`/api/v1/officeholders/${m.raadslid.id}`)).statusCode).toBe(404);
  });
});
