import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';

const fixture = JSON.parse(fs.readFileSync(new URL('./fixtures/yente-match.json', import.meta.url), 'utf8')) as {
  request: { path: string; query: Record<string, string>; body: { queries: Record<string, unknown> } };
  response: { topKeys: string[]; responseKeys: string[]; resultKeys: string[] };
};

let t: TestApp;
let w: ScreeningWorld;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
  token = (await w.bibob.post('/api/v1/me/api-tokens', { name: 'yente-client' })).json<{ token: string }>().token;
}, 120_000);
afterAll(async () => t.close());

function yente(method: 'GET' | 'POST', url: string, body?: unknown, auth = `ApiKey ${token}`) {
  return t.app.inject({
    method,
    url: `/api/yente${url}`,
    headers: auth ? { authorization: auth } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

const match = (dataset: string, queries: Record<string, unknown>, query = '') =>
  yente('POST', `/match/${dataset}${query}`, { queries });

describe('yente-compatible API', () => {
  it('answers a yente client’s match request in yente’s shape', async () => {
    const { request, response } = fixture;
    const res = await yente('POST', `${request.path}?${new URLSearchParams(request.query)}`, request.body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-batch-size']).toBe('2');
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(response.topKeys);
    expect(body.limit).toBe(5);
    const applicant = body.responses.applicant;
    expect(Object.keys(applicant).sort()).toEqual(response.responseKeys);
    expect(applicant.status).toBe(200);
    expect(applicant.total).toMatchObject({ relation: 'eq' });
    const [top] = applicant.results;
    expect(response.resultKeys.every((k) => k in top)).toBe(true);
    expect(top).toMatchObject({ id: DEMO.applicantId, schema: 'Person', datasets: ['kvk-extract'], match: true });
    expect(top.features.name).toBeGreaterThan(0.8);
    expect(top.properties.birthDate).toEqual(['1979-04-03']);
    const company = body.responses.company.results[0];
    expect(company).toMatchObject({ id: DEMO.flaggedCompanyId, target: true });
  });

  it('accepts Bearer tokens, dataset names, limit and threshold', async () => {
    const q = { q: { schema: 'Person', properties: { name: ['J. v.d. Berg'], birthDate: ['3-4-1979'] } } };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/yente/match/kvk-extract?limit=2&threshold=0.99',
      headers: { authorization: `Bearer ${token}` },
      payload: { queries: q },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().responses.q.results as { id: string; match: boolean }[];
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results[0]?.id).toBe(DEMO.applicantId);
    expect(results[0]?.match).toBe(false);
  });

  it('answers with yente’s status codes', async () => {
    const person = { schema: 'Person', properties: { name: ['Jan Jansen'] } };
    expect((await yente('GET', '/healthz', undefined, '')).json()).toEqual({ status: 'ok' });
    expect((await match('default', { q: person }, '')).statusCode).toBe(200);
    const unknownDataset = await match('bestaat-niet', { q: person });
    expect([unknownDataset.statusCode, unknownDataset.json()]).toEqual([404, { detail: 'No such dataset.' }]);
    const missingSchema = await match('default', { q: { properties: { name: ['X'] } } });
    expect(missingSchema.statusCode).toBe(422);
    expect(missingSchema.json().detail[0].loc).toContain('schema');
    expect((await match('default', { q: { schema: 'Persoon', properties: { name: ['X'] } } })).statusCode).toBe(400);
    const badProperty = await match('default', { q: { schema: 'Person', properties: { naam: ['X'] } } });
    expect([badProperty.statusCode, badProperty.json().detail]).toEqual([400, expect.stringContaining('naam')]);
    expect((await match('default', { q: { schema: 'Person', properties: {} } })).statusCode).toBe(400);
    expect((await match('default', {})).statusCode).toBe(400);
    const batch = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, person]));
    expect((await match('default', batch)).json()).toEqual({ detail: 'Too many queries in one batch (limit: 100)' });
    expect((await match('default', { q: person }, '?algorithm=onbekend')).statusCode).toBe(400);
    expect((await yente('POST', '/match/default', { queries: { q: person } }, '')).statusCode).toBe(401);
    expect((await yente('POST', '/match/default', { queries: { q: person } }, 'ApiKey fout')).statusCode).toBe(401);
  });

  it('offers the catalog, search and entities of the visible datasets only', async () => {
    const catalog = (await yente('GET', '/catalog')).json();
    expect(catalog.datasets.map((d: { name: string }) => d.name)).toEqual(['default', 'kvk-extract']);
    expect(catalog.datasets[0].children).toEqual(['kvk-extract']);
    const search = (await yente('GET', '/search/default?q=Johannes%20van%20den%20Berg&limit=3')).json();
    expect(search.results[0].id).toBe(DEMO.applicantId);
    expect(search).toMatchObject({ limit: 3, offset: 0, total: { relation: 'eq' } });
    const entity = await yente('GET', `/entities/${DEMO.applicantId}`);
    expect(entity.statusCode).toBe(200);
    expect(entity.json()).toMatchObject({ id: DEMO.applicantId, caption: 'Johannes van den Berg' });
    // Nested by default: the applicant's B.V. at the far end of his Ownership.
    type Nested = { id: string; properties: Record<string, (string | Nested)[]> };
    const owned = (entity.json<Nested>().properties['ownershipOwner'] ?? []).flatMap((o) =>
      typeof o === 'string' ? [] : (o.properties['asset'] ?? []),
    );
    expect(owned.map((a) => (typeof a === 'string' ? a : a.id))).toContain(DEMO.applicantCompanyId);
    expect(search.facets.datasets.values).toEqual([expect.objectContaining({ name: 'kvk-extract' })]);
    expect((await yente('GET', '/entities/bestaat-niet')).statusCode).toBe(404);
    const strangerToken = (await w.stranger.post('/api/v1/me/api-tokens', { name: 'x' })).json<{ token: string }>()
      .token;
    const stranger = await yente('GET', `/entities/${DEMO.applicantId}`, undefined, `ApiKey ${strangerToken}`);
    expect(stranger.statusCode).toBe(404);
    const strangerMatch = await yente('POST', '/match/kvk-extract', { queries: {} }, `ApiKey ${strangerToken}`);
    expect(strangerMatch.statusCode).toBe(404);
  });
});
