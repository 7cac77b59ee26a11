import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';

// Edges of yente's behaviour a client may rely on: null queries, wrong methods, an empty collection.
let t: TestApp;
let w: ScreeningWorld;
let bibobToken: string;
let strangerToken: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
  const tokenOf = async (c: ScreeningWorld['bibob']) =>
    (await c.post('/api/v1/me/api-tokens', { name: 'yente-client' })).json<{ token: string }>().token;
  bibobToken = await tokenOf(w.bibob);
  strangerToken = await tokenOf(w.stranger);
}, 120_000);
afterAll(async () => t.close());

const yente = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string, body?: object) =>
  t.app.inject({
    method,
    url: `/api/yente${url}`,
    headers: { authorization: `ApiKey ${token}` },
    ...(body === undefined ? {} : { payload: body }),
  });

const applicant = { schema: 'Person', properties: { name: ['J. v.d. Berg'], birthDate: ['1979-04-03'] } };

describe('yente edge cases', () => {
  it('skips queries given as null and answers the others', async () => {
    const res = await yente('POST', '/match/default', bibobToken, { queries: { a: applicant, b: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-batch-size']).toBe('1');
    const body = res.json<{ responses: Record<string, { results: { id: string }[] }> }>();
    expect(Object.keys(body.responses)).toEqual(['a']);
    expect(body.responses['a']?.results[0]?.id).toBe(DEMO.applicantId);
  });

  it('refuses a batch of null queries only with 400 "No queries provided."', async () => {
    const res = await yente('POST', '/match/default', bibobToken, { queries: { a: null, b: null } });
    expect([res.statusCode, res.json()]).toEqual([400, { detail: 'No queries provided.' }]);
  });

  it('answers another method on a known path with 405 and Allow, as FastAPI does', async () => {
    const get = await yente('GET', '/match/default', bibobToken);
    expect([get.statusCode, get.json(), get.headers['allow']]).toEqual([405, { detail: 'Method Not Allowed' }, 'POST']);
    const post = await yente('POST', '/search/default?q=berg', bibobToken, {});
    expect([post.statusCode, post.headers['allow']]).toEqual([405, 'GET']);
    const del = await yente('DELETE', `/entities/${DEMO.applicantId}`, bibobToken);
    expect(del.statusCode).toBe(405);
    const unknown = await yente('GET', '/nothing-here', bibobToken);
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps the default collection, empty, for a user who may see no dataset', async () => {
    const catalog = await yente('GET', '/catalog', strangerToken);
    expect(catalog.statusCode, catalog.body).toBe(200);
    const names = catalog.json<{ datasets: { name: string; entity_count: number }[] }>().datasets;
    expect(names).toEqual([expect.objectContaining({ name: 'default', entity_count: 0 })]);
    const res = await yente('POST', '/match/default', strangerToken, { queries: { a: applicant } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ responses: { a: { results: unknown[] } } }>().responses.a.results).toEqual([]);
    const search = await yente('GET', '/search/default?q=berg', strangerToken);
    expect([search.statusCode, search.json<{ results: unknown[] }>().results]).toEqual([200, []]);
    const named = await yente('POST', '/match/kvk-extract', strangerToken, { queries: { a: applicant } });
    expect(named.statusCode).toBe(404);
  });
});
