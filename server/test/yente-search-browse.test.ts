/**
 * The yente API's GET /search/{dataset} without query text: yente's match_all under filters,
 * over HTTP with API tokens. Every entity of the visible datasets in scope that passes the
 * filters is a hit, sorted and paged as yente does, counted up to 10,000 (then `gte`), with
 * facets over the filtered set; other organisations' datasets stay invisible.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { importFile, tempDir, writeLines } from './support/entity-fixtures.js';

const ftm = (id: string, schema: string, properties: Record<string, string[]>) => ({ id, schema, properties });

const ANNA = 'p-anna-bakker';
const ANNA2 = 'p-anna-bakker-2';
const BRAM = 'p-bram-de-vries';
const COR = 'p-cor-jansen';
const DIRK = 'p-dirk-peeters';
const EVA = 'p-eva-smit';
const HOLDING = 'c-bakker-holding';
const ADDRESS = 'a-kerkstraat';
const DIRECTORSHIP = 'd-anna-holding';

const register = [
  ftm(ANNA, 'Person', { name: ['Anna Bakker'], nationality: ['nl'], gender: ['female'] }),
  ftm(ANNA2, 'Person', { name: ['Anna Bakker'], nationality: ['NL'], birthDate: ['1975-03-01'] }),
  ftm(BRAM, 'Person', { name: ['Bram de Vries'], nationality: ['be'], gender: ['male'], topics: ['sanction'] }),
  ftm(COR, 'Person', {
    name: ['Cor Jansen'],
    citizenship: ['de'],
    gender: ['male'],
    birthDate: ['1980-05-05'],
    topics: ['crime.fin'],
  }),
  // Values with whitespace around them: compared trimmed, as yente compares cleaned values.
  ftm(DIRK, 'Person', {
    name: ['Dirk Peeters'],
    nationality: [' BE '],
    gender: ['\u00a0male'],
    birthDate: ['1990-01-01\t'],
  }),
  ftm(HOLDING, 'Company', { name: ['Bakker Holding B.V.'], jurisdiction: ['nl'], topics: ['crime'] }),
  ftm(ADDRESS, 'Address', { full: ['Kerkstraat 1, Tilburg'], country: ['nl'] }),
  // An Interval, not a Thing: yente's default schema (Thing) leaves it out.
  ftm(DIRECTORSHIP, 'Directorship', { director: [ANNA], organization: [HOLDING] }),
];
/** Imported a day later into the same dataset. */
const later = [ftm(EVA, 'Person', { name: ['Eva Smit'], nationality: ['nl'] })];
/** Another organisation's dataset, never shared. */
const hidden = [
  ftm('h-verborgen', 'Company', { name: ['Verborgen B.V.'], jurisdiction: ['nl'], topics: ['crime'] }),
  ftm('h-persoon', 'Person', { name: ['Geheim Persoon'], nationality: ['nl'] }),
];
/** More persons than yente counts (10,000); every second one Belgian. */
const BULK = 10_050;
const bulk = Array.from({ length: BULK }, (_, i) =>
  ftm(`b-${String(i).padStart(5, '0')}`, 'Person', {
    name: [`Persoon ${i}`],
    nationality: [i % 2 === 0 ? 'nl' : 'be'],
  }),
);

let t: TestApp;
let analyst: Client;
let token: string;
let otherToken: string;
let datasetId: string;

async function tokenOf(client: Client): Promise<string> {
  return (await client.post('/api/v1/me/api-tokens', { name: 'yente-client' })).json<{ token: string }>().token;
}

beforeAll(async () => {
  t = await createTestApp();
  const start = t.clock.now();
  const ownId = (await buildOrganisation(t.ctx, { slug: 'riec-b', name: 'RIEC B', type: 'riec' })).id;
  const otherId = (await buildOrganisation(t.ctx, { slug: 'riec-c', name: 'RIEC C', type: 'riec' })).id;
  await buildUser(t.ctx, ownId, ['riec_analyst'], { email: 'analist@riec-b.test' });
  await buildUser(t.ctx, otherId, ['riec_analyst'], { email: 'analist@riec-c.test' });
  const dir = tempDir();
  const file = (name: string, lines: object[]) => writeLines(path.join(dir, name), lines);
  await importFile(t.ctx, file('register.jsonl', register), {
    dataset: 'register',
    title: 'Register B',
    org: 'riec-b',
  });
  await importFile(t.ctx, file('hidden.jsonl', hidden), { dataset: 'geheim', title: 'Geheim', org: 'riec-c' });
  await importFile(t.ctx, file('bulk.jsonl', bulk), { dataset: 'bulk', title: 'Bulk', org: 'riec-b' });
  t.clock.advance(24 * 3600_000);
  await importFile(t.ctx, file('later.jsonl', later), { dataset: 'register', org: 'riec-b' });
  t.clock.set(start);
  analyst = await login(t, 'analist@riec-b.test');
  token = await tokenOf(analyst);
  otherToken = await tokenOf(await login(t, 'analist@riec-c.test'));
  const datasets = (await analyst.get('/api/v1/datasets')).json<{ id: string; name: string }[]>();
  datasetId = datasets.find((d) => d.name === 'register')?.id ?? '';
}, 180_000);
afterAll(async () => t.close());

type Body = {
  results: { id: string; caption: string; datasets: string[]; referents: string[]; first_seen: string }[];
  total: { value: number; relation: string };
  limit: number;
  offset: number;
  facets: Record<string, { label: string; values: { name: string; label: string; count: number }[] }>;
};

async function search(query: string, auth = token): Promise<Body> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/yente/search/${query}`,
    headers: { authorization: `ApiKey ${auth}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Body>();
}

const ids = (body: Body) => body.results.map((r) => r.id);
const counts = (body: Body, facet: string) =>
  Object.fromEntries((body.facets[facet]?.values ?? []).map((v) => [v.name, v.count]));

describe('yente search without query text', () => {
  it('answers every Thing of the dataset, in id order, with an exact total', async () => {
    const body = await search('register');
    expect(ids(body)).toEqual([ADDRESS, HOLDING, ANNA, ANNA2, BRAM, COR, DIRK, EVA]);
    expect(body.total).toEqual({ value: 8, relation: 'eq' });
    expect(body).toMatchObject({ limit: 10, offset: 0 });
    expect(body.results[0]).toMatchObject({ caption: 'Kerkstraat 1, Tilburg', datasets: ['register'], referents: [] });
    // An empty or blank q is the same search.
    expect(ids(await search('register?q='))).toEqual(ids(body));
    expect(ids(await search('register?q=%20%20'))).toEqual(ids(body));
  });

  it('filters by schema (with descendants), countries, topics, target and properties', async () => {
    expect(ids(await search('register?schema=Company'))).toEqual([HOLDING]);
    expect(ids(await search('register?schema=Directorship'))).toEqual([DIRECTORSHIP]);
    expect(ids(await search('register?schema=LegalEntity'))).toEqual([HOLDING, ANNA, ANNA2, BRAM, COR, DIRK, EVA]);
    expect(ids(await search('register?schema=Person&exclude_schema=Person'))).toEqual([]);
    // Countries from any country-typed property, compared in lower case.
    expect(ids(await search('register?q=&countries=nl'))).toEqual([ADDRESS, HOLDING, ANNA, ANNA2, EVA]);
    expect(ids(await search('register?countries=be&countries=de'))).toEqual([BRAM, COR, DIRK]);
    expect(ids(await search('register?countries=be&countries=de&filter_op=AND'))).toEqual([]);
    expect(ids(await search('register?topics=crime'))).toEqual([HOLDING]);
    expect(ids(await search('register?topics=crime&topics=sanction'))).toEqual([HOLDING, BRAM]);
    expect(ids(await search('register?target=true'))).toEqual([HOLDING, BRAM, COR]);
    expect(ids(await search('register?target=false&schema=Person'))).toEqual([ANNA, ANNA2, DIRK, EVA]);
    expect(ids(await search('register?filter=gender:MALE'))).toEqual([BRAM, COR, DIRK]);
    expect(ids(await search('register?filter=birthDate:1990-01-01'))).toEqual([DIRK]);
    expect(ids(await search('register?filter=gender:male&filter=birthDate:1980-05-05&filter_op=AND'))).toEqual([COR]);
    expect(ids(await search(`register?schema=Person&exclude_entity_ids=${ANNA}&exclude_entity_ids=${BRAM}`))).toEqual([
      ANNA2,
      COR,
      DIRK,
      EVA,
    ]);
    expect(ids(await search('default?datasets=register&schema=Company'))).toEqual([HOLDING]);
    expect((await search('default?datasets=bulk&schema=Company')).total.value).toBe(0);
  });

  it('reads changed_since as Elasticsearch does: a date means after the end of that day', async () => {
    expect(ids(await search('register?changed_since=2026-11-01'))).toHaveLength(8);
    expect(ids(await search('register?changed_since=2026-11-02'))).toEqual([EVA]);
    expect(ids(await search('register?changed_since=2026-11-02T08:59:59'))).toHaveLength(8);
    expect(ids(await search('register?changed_since=2026-11-02T09:00:00'))).toEqual([EVA]);
    expect(ids(await search('register?changed_since=2026-11-02T10:30:00%2B02:00'))).toHaveLength(8);
    expect((await search('register?changed_since=2026-11-03')).total.value).toBe(0);
  });

  it('pages with limit and offset over a stable order, and sorts as asked', async () => {
    const all = ids(await search('register?limit=100'));
    const pages = [];
    for (const offset of [0, 3, 6]) {
      const page = await search(`register?limit=3&offset=${offset}`);
      expect(page.total).toEqual({ value: 8, relation: 'eq' });
      expect(page).toMatchObject({ limit: 3, offset });
      pages.push(...ids(page));
    }
    expect(pages).toEqual(all);
    expect(ids(await search('register?offset=7'))).toEqual([EVA]);
    expect(ids(await search('register?offset=8'))).toEqual([]);
    const byCaption = await search('register?sort=caption:asc');
    expect(byCaption.results.map((r) => r.caption)).toEqual([
      'Anna Bakker',
      'Anna Bakker',
      'Bakker Holding B.V.',
      'Bram de Vries',
      'Cor Jansen',
      'Dirk Peeters',
      'Eva Smit',
      'Kerkstraat 1, Tilburg',
    ]);
    // Equal captions keep yente's tie-break: the id.
    expect(ids(byCaption).slice(0, 2)).toEqual([ANNA, ANNA2]);
    expect(ids(await search('register?sort=first_seen:desc&limit=1'))).toEqual([EVA]);
    expect(ids(await search('register?sort=id:desc&limit=2'))).toEqual([EVA, DIRK]);
    expect(ids(await search('register?sort=caption:desc&offset=6&limit=5'))).toEqual([ANNA, ANNA2]);
  });

  it('counts facets over the whole filtered set, not the page', async () => {
    const body = await search('register?limit=1');
    expect(body.results).toHaveLength(1);
    expect(Object.keys(body.facets).sort()).toEqual(['countries', 'datasets', 'topics']);
    expect(counts(body, 'countries')).toEqual({ nl: 5, be: 2, de: 1 });
    expect(body.facets['countries']?.values[0]).toEqual({ name: 'nl', label: 'Netherlands', count: 5 });
    expect(counts(body, 'topics')).toEqual({ crime: 1, sanction: 1, 'crime.fin': 1 });
    expect(body.facets['datasets']).toEqual({
      label: 'Data sources',
      values: [{ name: 'register', label: 'Register B', count: 8 }],
    });
    const people = await search('register?schema=Person&facets=genders&facets=schema&limit=0');
    expect(people.results).toEqual([]);
    expect(people.facets).toEqual({
      genders: {
        label: 'Genders',
        values: [
          { name: 'male', label: 'male', count: 3 },
          { name: 'female', label: 'female', count: 1 },
        ],
      },
      schema: { label: 'Entity types', values: [{ name: 'Person', label: 'People', count: 6 }] },
    });
  });

  it('counts up to 10,000 hits, then answers gte, and pages to the end of the window', async () => {
    const body = await search('bulk?limit=3');
    expect(body.total).toEqual({ value: 10_000, relation: 'gte' });
    expect(ids(body)).toEqual(['b-00000', 'b-00001', 'b-00002']);
    // Facets describe the hits counted: the first 10,000 in the answer's order.
    expect(counts(body, 'countries')).toEqual({ nl: 5_000, be: 5_000 });
    const belgians = await search('bulk?countries=be&limit=1');
    expect(belgians.total).toEqual({ value: BULK / 2, relation: 'eq' });
    expect(ids(belgians)).toEqual(['b-00001']);
    const last = await search('bulk?offset=9499&limit=500');
    expect(last.results).toHaveLength(500);
    expect(last.results.at(-1)?.id).toBe('b-09998');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/yente/search/bulk?offset=9500',
      headers: { authorization: `ApiKey ${token}` },
    });
    expect(bad.statusCode).toBe(422);
  });

  it('never answers entities of a dataset the user may not see', async () => {
    const crime = await search('default?topics=crime');
    expect(ids(crime)).toEqual([HOLDING]);
    expect(JSON.stringify(crime)).not.toContain('Verborgen');
    expect((await search('default?include_dataset=geheim')).total.value).toBe(0);
    expect((await search('default?datasets=geheim')).total.value).toBe(0);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/yente/search/geheim',
      headers: { authorization: `ApiKey ${token}` },
    });
    expect([missing.statusCode, missing.json()]).toEqual([404, { detail: 'No such dataset.' }]);
    // The owner sees its own dataset, and nothing of the other organisation's.
    const theirs = await search('default', otherToken);
    expect(ids(theirs)).toEqual(['h-persoon', 'h-verborgen']);
    expect(counts(theirs, 'datasets')).toEqual({ geheim: 2 });
  });

  it('answers bad parameters as with query text, and audits every search', async () => {
    const get = (url: string) =>
      t.app.inject({ method: 'GET', url: `/api/yente${url}`, headers: { authorization: `ApiKey ${token}` } });
    const schema = await get('/search/register?schema=Persoon');
    expect([schema.statusCode, schema.json()]).toEqual([400, { detail: 'Invalid schema' }]);
    expect((await get('/search/register?filter=zonderdubbelepunt')).statusCode).toBe(400);
    expect((await get('/search/register?sort=bestaatniet')).statusCode).toBe(400);
    expect((await get('/search/register?changed_since=2026-02-30')).statusCode).toBe(400);
    const audited = async () =>
      (await t.ctx.db.selectFrom('audit_events').select('seq').where('action', '=', 'screening.api_search').execute())
        .length;
    const before = await audited();
    await search('register?countries=nl');
    await search('register?q=Anna%20Bakker');
    expect(await audited()).toBe(before + 2);
  });
});

describe('yente search without query text, merged entities', () => {
  it('answers a "same" cluster once, as its smallest member listing the others as referents', async () => {
    const decided = await analyst.post('/api/v1/match-decisions', {
      left: { datasetId, entityId: ANNA2 },
      right: { datasetId, entityId: ANNA },
      decision: 'same',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const people = await search('register?schema=Person');
    expect(ids(people)).toEqual([ANNA, BRAM, COR, DIRK, EVA]);
    expect(people.total).toEqual({ value: 5, relation: 'eq' });
    expect(people.results[0]?.referents).toEqual([ANNA2]);
    // Excluding any member's id leaves the whole cluster out.
    expect(ids(await search(`register?schema=Person&exclude_entity_ids=${ANNA2}`))).toEqual([BRAM, COR, DIRK, EVA]);
  });
});
