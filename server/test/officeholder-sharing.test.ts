import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runAsTenant } from '../src/platform/tenant-context.js';

let t: TestApp;
let m: Municipality;
let adviser: Client;
let officeholderId: string;
let orgs: Record<'politie' | 'beveiliging' | 'riec', string>;

const address = 'Kerkstraat 12, 5038 AB Tilburg';
const family = 'Partner en twee kinderen (8 en 11)';
const grantBody = (granteeOrganisationId: string, parts: string[], extra: Record<string, unknown> = {}) => ({
  granteeOrganisationId,
  purpose: 'uitvoering_beveiligingsmaatregel',
  legalBasis: 'art. 6 lid 1 sub e AVG; Besluit Bewaken en Beveiligen',
  parts,
  expiresAt: '2026-12-31T23:00:00Z',
  ...extra,
});
const userId = async (email: string) =>
  (await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  orgs = {
    politie: (await buildOrganisation(t.ctx, { slug: 'politie', type: 'politie' })).id,
    beveiliging: (await buildOrganisation(t.ctx, { slug: 'beveiliging', type: 'beveiligingsbedrijf' })).id,
    riec: (await buildOrganisation(t.ctx, { slug: 'riec', type: 'riec' })).id,
  };
  await buildUser(t.ctx, orgs.politie, ['police_liaison'], { email: 'liaison@politie.test' });
  await buildUser(t.ctx, orgs.politie, ['police_liaison'], { email: 'collega@politie.test' });
  await buildUser(t.ctx, orgs.beveiliging, ['security_provider'], { email: 'monteur@beveiliging.test' });
  await buildUser(t.ctx, orgs.riec, ['riec_analyst'], { email: 'analist@riec.test' });
  adviser = await login(t, 'adviseur@tilburg.test');
  const created = await adviser.post('/api/v1/officeholders', {
    fullName: 'Burgemeester Jansen',
    office: 'burgemeester',
    party: 'Partij A',
    email: 'jansen@tilburg.test',
    phone: '+31 6 12345678',
    homeAddress: address,
    familyMembers: family,
  });
  expect(created.statusCode, created.body).toBe(201);
  officeholderId = created.json().id;
});
afterEach(async () => t.close());

async function openAs(client: Client, purpose = 'uitvoering_beveiligingsmaatregel') {
  const first = await client.get(`/api/v1/officeholders/${officeholderId}`);
  if (first.statusCode !== 428) return first;
  const given = await client.post('/api/v1/access-reasons', {
    recordType: 'officeholder',
    recordId: officeholderId,
    purpose,
  });
  expect(given.statusCode, given.body).toBe(204);
  return client.get(`/api/v1/officeholders/${officeholderId}`);
}

describe('need-to-know sharing of an officeholder', () => {
  it('gives the police liaison kern+contact but never the home address, the security company the address', async () => {
    const share = (org: string, parts: string[], purpose: string) =>
      adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(org, parts, { purpose }));
    expect((await share(orgs.politie, ['contact'], 'aangifte_en_opsporing')).statusCode).toBe(201);
    expect((await share(orgs.beveiliging, ['woning'], 'uitvoering_beveiligingsmaatregel')).statusCode).toBe(201);

    const police = await openAs(await login(t, 'liaison@politie.test'), 'aangifte_en_opsporing');
    expect(police.statusCode, police.body).toBe(200);
    expect(police.json()).toMatchObject({
      fullName: 'Burgemeester Jansen',
      office: 'burgemeester',
      email: 'jansen@tilburg.test',
      phone: '+31 6 12345678',
      homeAddress: null,
      familyMembers: null,
      userId: null,
      tlp: 'AMBER',
    });
    expect(police.body).not.toContain('Kerkstraat');
    expect(police.json().masked).toEqual(['homeAddress', 'familyMembers']);
    expect(police.json().access).toMatchObject({
      via: 'grant',
      sharedBy: 'Gemeente tilburg',
      parts: ['kern', 'contact'],
    });

    const security = await openAs(await login(t, 'monteur@beveiliging.test'));
    expect(security.json()).toMatchObject({ homeAddress: address, familyMembers: family, email: null, phone: null });

    // The RIEC has no grant: not found, never a hint.
    const riec = await login(t, 'analist@riec.test');
    expect((await riec.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(404);
    expect(
      (
        await riec.post('/api/v1/access-reasons', {
          recordType: 'officeholder',
          recordId: officeholderId,
          purpose: 'riec_casus',
        })
      ).statusCode,
    ).toBe(404);
    // Role masking inside the own organisation stays as it was.
    expect((await adviser.get(`/api/v1/officeholders/${officeholderId}`)).json()).toMatchObject({
      homeAddress: address,
      masked: [],
    });
  });

  it('lists shared officeholders with their core only, and never the sharer’s others', async () => {
    await adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.beveiliging, ['woning']));
    const list = await (await login(t, 'monteur@beveiliging.test')).get('/api/v1/officeholders');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    expect(list.json()[0]).toMatchObject({ id: officeholderId, homeAddress: null, phone: null, email: null });
    expect(list.json()[0].access.sharedBy).toBe('Gemeente tilburg');
    expect(list.body).not.toContain('Wethouder tilburg');
    expect(list.body).not.toContain('Kerkstraat');
  });

  it('asks the reason once per session and audits every read with purpose and record owner', async () => {
    await adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.politie, ['contact']));
    const liaison = await login(t, 'liaison@politie.test');
    const asked = await liaison.get(`/api/v1/officeholders/${officeholderId}`);
    expect(asked.statusCode).toBe(428);
    expect(asked.json().error).toBe('reason_required');
    const given = await liaison.post('/api/v1/access-reasons', {
      recordType: 'officeholder',
      recordId: officeholderId,
      purpose: 'dreigingsinschatting',
      note: 'dreigingsinschatting na brief',
    });
    expect(given.statusCode).toBe(204);
    expect((await liaison.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(200);
    expect((await liaison.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(200);
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'officeholder.read')
      .where('object_id', '=', officeholderId)
      .where('organisation_id', '=', orgs.politie)
      .execute();
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.purpose === 'dreigingsinschatting' && r.record_owner_id === m.org.id)).toBe(true);
    expect(JSON.stringify(reads)).not.toContain('Kerkstraat');
    expect(JSON.stringify(reads)).not.toContain('12345678');
    const again = await login(t, 'liaison@politie.test');
    expect((await again.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(428);

    await buildUser(t.ctx, m.org.id, ['dpo'], { email: 'fg@tilburg.test' });
    const dpo = await login(t, 'fg@tilburg.test');
    const seen = (
      await dpo.get(`/api/v1/audit/events?objectType=officeholder&objectId=${officeholderId}&action=officeholder.read`)
    ).json();
    expect(seen.items).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'dreigingsinschatting' })]));
  });

  it('stops at once when revoked or expired, and a grantee can never change, reshare or list grants', async () => {
    const grant = (
      await adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.riec, ['contact']))
    ).json();
    const analyst = await login(t, 'analist@riec.test');
    expect((await openAs(analyst, 'riec_casus')).statusCode).toBe(200);
    expect(
      (await analyst.patch(`/api/v1/officeholders/${officeholderId}`, { fullName: 'Overschreven' })).statusCode,
    ).toBe(403);
    expect(
      (await analyst.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.politie, ['kern'])))
        .statusCode,
    ).toBe(403);
    expect((await analyst.get(`/api/v1/officeholders/${officeholderId}/grants`)).statusCode).toBe(403);

    expect((await adviser.delete(`/api/v1/grants/${grant.id}`)).statusCode).toBe(204);
    expect((await analyst.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(404);
    expect((await analyst.get('/api/v1/officeholders')).json()).toEqual([]);

    await adviser.post(
      `/api/v1/officeholders/${officeholderId}/grants`,
      grantBody(orgs.riec, ['contact'], { expiresAt: '2026-11-03T09:00:00Z' }),
    );
    expect((await analyst.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(200);
    t.clock.set(new Date('2026-11-03T09:00:01Z'));
    const later = await login(t, 'analist@riec.test');
    expect((await later.get(`/api/v1/officeholders/${officeholderId}`)).statusCode).toBe(404);
    expect((await later.get('/api/v1/officeholders')).json()).toEqual([]);
    const grants = (
      await (await login(t, 'adviseur@tilburg.test')).get(`/api/v1/officeholders/${officeholderId}/grants`)
    ).json();
    expect(grants.map((g: { status: string }) => g.status).sort()).toEqual(['expired', 'revoked']);
  });

  it('shares TLP:RED only with named people and refuses raising to RED over organisation-wide grants', async () => {
    const orgWide = (
      await adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.riec, ['contact']))
    ).json();
    const tlp = (value: string) =>
      adviser.request('PUT', `/api/v1/officeholders/${officeholderId}/tlp`, { tlp: value });
    expect((await tlp('RED')).statusCode).toBe(409);
    await adviser.delete(`/api/v1/grants/${orgWide.id}`);
    expect((await tlp('RED')).statusCode).toBe(204);
    expect((await adviser.get(`/api/v1/officeholders/${officeholderId}`)).json().tlp).toBe('RED');

    const refused = await adviser.post(
      `/api/v1/officeholders/${officeholderId}/grants`,
      grantBody(orgs.politie, ['contact']),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0].path).toBe('namedUserIds');
    const named = await adviser.post(
      `/api/v1/officeholders/${officeholderId}/grants`,
      grantBody(orgs.politie, ['contact'], { namedUserIds: [await userId('liaison@politie.test')] }),
    );
    expect(named.statusCode, named.body).toBe(201);
    expect((await openAs(await login(t, 'liaison@politie.test'), 'aangifte_en_opsporing')).statusCode).toBe(200);
    expect(
      (await (await login(t, 'collega@politie.test')).get(`/api/v1/officeholders/${officeholderId}`)).statusCode,
    ).toBe(404);
    const bad = await adviser.post(
      `/api/v1/officeholders/${officeholderId}/grants`,
      grantBody(orgs.politie, ['dader']),
    );
    expect(bad.json().issues[0].path).toBe('parts');
  });

  it.runIf(isPostgresRun)(
    'shows the row to the grantee tenant on PostgreSQL only while the grant is live',
    async () => {
      const count = async (tenant: string) =>
        runAsTenant(tenant, async () =>
          Number((await sql<{ n: string }>`select count(*) as n from officeholders`.execute(t.ctx.db)).rows[0]?.n),
        );
      expect(await count(orgs.beveiliging)).toBe(0);
      const grant = (
        await adviser.post(`/api/v1/officeholders/${officeholderId}/grants`, grantBody(orgs.beveiliging, ['woning']))
      ).json();
      expect(await count(orgs.beveiliging)).toBe(1);
      await adviser.delete(`/api/v1/grants/${grant.id}`);
      expect(await count(orgs.beveiliging)).toBe(0);
    },
  );
});
