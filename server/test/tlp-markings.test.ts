import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality } from './support/scenario.js';
import { screeningBody } from './support/screening-fixtures.js';

// Datasets, persons of interest and screenings carry a TLP 2.0 marking (issue 3): AMBER by
// default; RED lets grants go to named people only, and raising to RED waits until the
// organisation-wide grants are revoked. Only the owner organisation sets the marking.

let t: TestApp;
let riec: Client;
let tilburg: Client;
let breda: Client;
let otherRiec: Client;
let bredaId: string;
let bredaUserId: string;

type Kind = {
  name: string;
  owner: () => Client;
  /** A user of another organisation holding the permission that manages this kind of record. */
  stranger: () => Client;
  create: () => Promise<string>;
  url: (id: string) => string;
  /** Set when a TLP:RED record of this kind opens only after a reason (POST /access-reasons). */
  reasonType?: 'screening';
};

const kinds: Kind[] = [
  {
    name: 'dataset',
    owner: () => riec,
    stranger: () => otherRiec,
    create: async () => {
      const res = await riec.post('/api/v1/datasets', {
        name: `watch-${Math.random().toString(36).slice(2, 8)}`,
        title: 'Watchlist',
        kind: 'watchlist',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    },
    url: (id) => `/api/v1/datasets/${id}`,
  },
  {
    name: 'person of interest',
    owner: () => tilburg,
    stranger: () => breda,
    create: async () => {
      const res = await tilburg.post('/api/v1/pois', { displayName: 'Johannes van den Berg' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    },
    url: (id) => `/api/v1/pois/${id}`,
  },
  {
    name: 'screening',
    owner: () => riec,
    stranger: () => breda,
    create: async () => {
      const res = await riec.post('/api/v1/screenings', screeningBody());
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    },
    url: (id) => `/api/v1/screenings/${id}`,
    reasonType: 'screening',
  },
];

const grantBody = (namedUserIds: string[] = []) => ({
  granteeOrganisationId: bredaId,
  namedUserIds,
  purpose: 'dreigingsinschatting',
  legalBasis: 'art. 6 lid 1 sub e AVG',
  parts: ['kern'],
  expiresAt: '2026-12-31T23:00:00Z',
});

beforeAll(async () => {
  t = await createTestApp();
  const riecId = (await buildOrganisation(t.ctx, { slug: 'riec-tlp', name: 'RIEC TLP', type: 'riec' })).id;
  await buildUser(t.ctx, riecId, ['riec_analyst'], { email: 'analist@riec-tlp.test' });
  const otherRiecId = (await buildOrganisation(t.ctx, { slug: 'riec-ander', name: 'RIEC Ander', type: 'riec' })).id;
  await buildUser(t.ctx, otherRiecId, ['riec_analyst'], { email: 'analist@riec-ander.test' });
  await municipality(t, 'tilburg');
  bredaId = (await municipality(t, 'breda')).org.id;
  bredaUserId = (
    await t.ctx.db.selectFrom('users').select('id').where('email', '=', 'adviseur@breda.test').executeTakeFirstOrThrow()
  ).id;
  riec = await login(t, 'analist@riec-tlp.test');
  tilburg = await login(t, 'adviseur@tilburg.test');
  breda = await login(t, 'adviseur@breda.test');
  otherRiec = await login(t, 'analist@riec-ander.test');
});
afterAll(async () => t.close());

describe.each(kinds)('the TLP marking of a $name', (kind) => {
  it('is AMBER by default, and RED refuses organisation-wide grants but accepts named people', async () => {
    const owner = kind.owner();
    const id = await kind.create();
    const read = await owner.get(kind.url(id));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id, tlp: 'AMBER' });

    const set = await owner.request('PUT', `${kind.url(id)}/tlp`, { tlp: 'RED' });
    expect(set.statusCode, set.body).toBe(204);
    if (kind.reasonType) {
      const reason = { recordType: kind.reasonType, recordId: id, purpose: 'dreigingsinschatting' };
      expect((await owner.post('/api/v1/access-reasons', reason)).statusCode).toBe(204);
    }
    expect((await owner.get(kind.url(id))).json()).toMatchObject({ tlp: 'RED' });
    const listUrl = kind.url('').replace(/\/$/, '');
    const listed = (await owner.get(listUrl)).json<{ id: string; tlp: string }[]>();
    expect(listed.find((r) => r.id === id)).toMatchObject({ tlp: 'RED' });

    const orgWide = await owner.post(`${kind.url(id)}/grants`, grantBody());
    expect(orgWide.statusCode, orgWide.body).toBe(400);
    expect(orgWide.json().issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'namedUserIds' })]));

    const named = await owner.post(`${kind.url(id)}/grants`, grantBody([bredaUserId]));
    expect(named.statusCode, named.body).toBe(201);

    const audited = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', id)
      .where('action', 'like', '%.tlp')
      .execute();
    expect(audited).toHaveLength(1);
  });

  it('refuses RED (409) while an organisation-wide grant is live, and allows it once revoked', async () => {
    const owner = kind.owner();
    const id = await kind.create();
    const grant = await owner.post(`${kind.url(id)}/grants`, grantBody());
    expect(grant.statusCode, grant.body).toBe(201);
    const refused = await owner.request('PUT', `${kind.url(id)}/tlp`, { tlp: 'RED' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect((await owner.get(kind.url(id))).json()).toMatchObject({ tlp: 'AMBER' });
    expect((await owner.request('PUT', `${kind.url(id)}/tlp`, { tlp: 'AMBER+STRICT' })).statusCode).toBe(204);

    const revoked = await owner.delete(`${kind.url(id)}/grants/${grant.json<{ id: string }>().id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await owner.request('PUT', `${kind.url(id)}/tlp`, { tlp: 'RED' })).statusCode).toBe(204);
  });

  it('lets only the owner organisation set it: another organisation gets 404', async () => {
    const owner = kind.owner();
    const id = await kind.create();
    const foreign = await kind.stranger().request('PUT', `${kind.url(id)}/tlp`, { tlp: 'CLEAR' });
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect((await owner.get(kind.url(id))).json()).toMatchObject({ tlp: 'AMBER' });
    const bad = await owner.request('PUT', `${kind.url(id)}/tlp`, { tlp: 'PURPLE' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('who sets the marking inside the owner organisation', () => {
  it('refuses a role without the managing permission (an officeholder account, for a POI)', async () => {
    const id = await kinds[1]!.create();
    const officeholder = await login(t, 'wethouder@tilburg.test');
    const refused = await officeholder.request('PUT', `/api/v1/pois/${id}/tlp`, { tlp: 'RED' });
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await tilburg.get(`/api/v1/pois/${id}`)).json()).toMatchObject({ tlp: 'AMBER' });
  });
});
