import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { login, type Client } from './support/http-client.js';
import { municipality } from './support/scenario.js';

// Possible duplicates among persons of interest come from the screening engine's person matcher,
// with its explanation, and are decided by a person: never merged, a 'same' decision links both.

let t: TestApp;
let adviser: Client;
let breda: Client;
const poi: Record<string, string> = {};

const address = (street: string, houseNumber: string, postcode: string, city: string) => ({
  street,
  houseNumber,
  postcode,
  city,
});

async function create(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/v1/pois', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  await municipality(t, 'tilburg');
  await municipality(t, 'breda');
  adviser = await login(t, 'adviseur@tilburg.test');
  breda = await login(t, 'adviseur@breda.test');
  poi['original'] = await create(adviser, {
    displayName: 'Johannes van den Berg',
    birthDate: '1979-04-03',
    addresses: [address('Damstraat', '12', '1012 AB', 'Amsterdam')],
  });
  poi['duplicate'] = await create(adviser, {
    displayName: 'J. v.d. Berg',
    names: ['Hans van den Berg'],
    birthDate: '1979-04-03',
    addresses: [address('Damstr.', '12', '1012AB', 'Amsterdam')],
  });
  poi['namesake'] = await create(adviser, { displayName: 'Johannes van den Berg', birthDate: '1962-11-30' });
  poi['other'] = await create(adviser, { displayName: 'Jan de Vries', birthDate: '1979-03-04' });
  poi['cousin'] = await create(adviser, { displayName: 'Maria van den Berg', birthDate: '1981-12-24' });
  poi['bredaTwin'] = await create(breda, {
    displayName: 'Johannes van den Berg',
    birthDate: '1979-04-03',
    addresses: [address('Damstraat', '12', '1012 AB', 'Amsterdam')],
  });
});
afterAll(async () => t.close());

const suggestions = async (id: string = poi['original'] ?? '') => {
  const res = await adviser.get(`/api/v1/pois/${id}/possible-duplicates?minScore=0.3`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<
    { poiId: string; score: number; explanation: { feature: string; kind: string }[]; decision: string | null }[]
  >();
};

describe('possible duplicates', () => {
  it('ranks the true duplicate first, explains why, and stays within the own organisation', async () => {
    const list = await suggestions();
    expect(list[0]?.poiId).toBe(poi['duplicate']);
    expect(list[0]?.score).toBeGreaterThan(list[1]?.score ?? 0);
    const features = list[0]?.explanation.map((i) => `${i.feature}:${i.kind}`);
    expect(features).toEqual(expect.arrayContaining(['name:evidence', 'birthDate:evidence', 'address:evidence']));
    const ids = list.map((s) => s.poiId);
    expect(ids).not.toContain(poi['original']);
    expect(ids).not.toContain(poi['bredaTwin']);
    expect(ids.indexOf(poi['namesake'] ?? '')).toBeGreaterThan(0);
  });

  it('keeps a decision, links a "same" pair without merging, and hides a "different" pair', async () => {
    const same = await adviser.post(`/api/v1/pois/${poi['original']}/duplicate-decisions`, {
      otherPoiId: poi['duplicate'],
      decision: 'same',
      note: 'Zelfde adres en geboortedatum',
    });
    expect(same.statusCode, same.body).toBe(201);
    expect(same.json()).toMatchObject({ decision: 'same', otherPoiId: poi['duplicate'] });
    for (const [id, other] of [
      [poi['original'], poi['duplicate']],
      [poi['duplicate'], poi['original']],
    ]) {
      const read = await adviser.get(`/api/v1/pois/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().sameAs).toEqual([other]);
    }
    t.clock.advance(60_000);
    const different = await adviser.post(`/api/v1/pois/${poi['original']}/duplicate-decisions`, {
      otherPoiId: poi['namesake'],
      decision: 'different',
    });
    expect(different.statusCode).toBe(201);
    const list = await suggestions();
    expect(list.find((s) => s.poiId === poi['duplicate'])?.decision).toBe('same');
    expect(list.map((s) => s.poiId)).not.toContain(poi['namesake']);
    const history = (await adviser.get(`/api/v1/pois/${poi['original']}/duplicate-decisions`)).json();
    expect(history.map((d: { decision: string }) => d.decision)).toEqual(['same', 'different']);
  });

  it('refuses a decision about itself, about another organisation’s person or with an unknown value', async () => {
    const url = `/api/v1/pois/${poi['original']}/duplicate-decisions`;
    const self = await adviser.post(url, { otherPoiId: poi['original'], decision: 'same' });
    expect(self.statusCode).toBe(400);
    expect(self.json().issues[0].path).toBe('otherPoiId');
    const foreign = await adviser.post(url, { otherPoiId: poi['bredaTwin'], decision: 'same' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().issues[0].path).toBe('otherPoiId');
    const merge = await adviser.post(url, { otherPoiId: poi['other'], decision: 'merge' });
    expect(merge.statusCode).toBe(400);
    expect(merge.json().issues[0].path).toContain('decision');
    expect((await breda.get(`/api/v1/pois/${poi['original']}/possible-duplicates`)).statusCode).toBe(404);
  });

  it('keeps POI addresses encrypted at rest', async () => {
    const row = await t.ctx.db
      .selectFrom('pois')
      .select('addresses')
      .where('id', '=', poi['original'] ?? '')
      .executeTakeFirstOrThrow();
    expect(row.addresses).toMatch(/^v1\./);
    expect((await adviser.get(`/api/v1/pois/${poi['original']}`)).json().addresses[0].street).toBe('Damstraat');
  });
});
