/**
 * The yente API's GET /entities/{id} (nested, cycle guard, visibility, merged ids) and
 * GET /search/{dataset} (yente's filters, facets over all hits, parameter errors), on a small
 * hand-made register over HTTP with API tokens.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { importFile, tempDir, writeLines } from './support/entity-fixtures.js';

const P1 = 'p-jan-jansen-nl';
const P2 = 'p-jan-jansen-be';
const P3 = 'p-jan-jansen-de';
const P4 = 'p-jan-janssen-nl';
const C1 = 'c-jansen-holding';
const HIDDEN = 'c-hidden';

const ftm = (id: string, schema: string, properties: Record<string, string[]>) => ({ id, schema, properties });

const visibleRegister = [
  ftm(P1, 'Person', {
    name: ['Jan Jansen'],
    nationality: ['nl'],
    birthDate: ['1970-01-01'],
    gender: ['male'],
    addressEntity: ['a-1'],
  }),
  ftm(P2, 'Person', { name: ['Jan Jansen'], nationality: ['be'], gender: ['male'], topics: ['sanction'] }),
  ftm(P3, 'Person', { name: ['Jan Jansen'], citizenship: ['de'], birthDate: ['1980-05-05'], topics: ['crime.fin'] }),
  ftm(P4, 'Person', { name: ['Jan Janssen'], nationality: ['nl'] }),
  // The company points back at the person: a cycle the nesting must not follow.
  ftm(C1, 'Company', { name: ['Jansen Holding B.V.'], jurisdiction: ['nl'], parent: [P1] }),
  ftm('d-p1-c1', 'Directorship', { director: [P1], organization: [C1], role: ['bestuurder'] }),
  ftm('f-p1-p2', 'Family', { person: [P1], relative: [P2], relationship: ['broer'] }),
  ftm('a-1', 'Address', { full: ['Kerkstraat 1, Tilburg'], country: ['nl'] }),
  // The asset exists only in another organisation's dataset: it stays an id.
  ftm('o-p1-hidden', 'Ownership', { owner: [P1], asset: [HIDDEN] }),
];

const hiddenRegister = [
  ftm(HIDDEN, 'Company', { name: ['Verborgen B.V.'], jurisdiction: ['nl'] }),
  ftm('d-hidden', 'Directorship', { director: [P1], organization: [HIDDEN] }),
];

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
  const ownId = (await buildOrganisation(t.ctx, { slug: 'riec-y', name: 'RIEC Y', type: 'riec' })).id;
  const otherId = (await buildOrganisation(t.ctx, { slug: 'riec-z', name: 'RIEC Z', type: 'riec' })).id;
  await buildUser(t.ctx, ownId, ['riec_analyst'], { email: 'analist@riec-y.test' });
  await buildUser(t.ctx, otherId, ['riec_analyst'], { email: 'analist@riec-z.test' });
  const dir = tempDir();
  await importFile(t.ctx, writeLines(path.join(dir, 'visible.jsonl'), visibleRegister), {
    dataset: 'testregister',
    title: 'Testregister RIEC',
    org: 'riec-y',
  });
  await importFile(t.ctx, writeLines(path.join(dir, 'hidden.jsonl'), hiddenRegister), {
    dataset: 'geheim',
    title: 'Geheim register',
    org: 'riec-z',
  });
  analyst = await login(t, 'analist@riec-y.test');
  token = await tokenOf(analyst);
  otherToken = await tokenOf(await login(t, 'analist@riec-z.test'));
  const datasets = (await analyst.get('/api/v1/datasets')).json<{ id: string; name: string }[]>();
  datasetId = datasets.find((d) => d.name === 'testregister')?.id ?? '';
}, 120_000);
afterAll(async () => t.close());

function yente(url: string, auth = token) {
  return t.app.inject({ method: 'GET', url: `/api/yente${url}`, headers: { authorization: `ApiKey ${auth}` } });
}

type Value = string | Nested;
type Nested = { id: string; schema: string; caption: string; properties: Record<string, Value[]> };

const objects = (values: Value[] | undefined): Nested[] =>
  (values ?? []).filter((v): v is Nested => typeof v !== 'string');

/** Every nested entity with the ids of the entities above it. */
function* walk(entity: Nested, above: string[] = []): Generator<{ entity: Nested; above: string[] }> {
  yield { entity, above };
  for (const values of Object.values(entity.properties)) {
    for (const child of objects(values)) yield* walk(child, [...above, entity.id]);
  }
}

const ids = (body: { results: { id: string }[] }) => body.results.map((r) => r.id).sort();

describe('yente GET /entities/{id}', () => {
  it('nests the company of a directorship under the person’s reverse property, via the edge', async () => {
    const res = await yente(`/entities/${P1}`);
    expect(res.statusCode, res.body).toBe(200);
    const person = res.json<Nested & { datasets: string[]; referents: string[] }>();
    expect(person).toMatchObject({ id: P1, schema: 'Person', caption: 'Jan Jansen', datasets: ['testregister'] });
    const [directorship] = objects(person.properties['directorshipDirector']);
    expect(directorship).toMatchObject({ id: 'd-p1-c1', schema: 'Directorship' });
    const [company] = objects(directorship?.properties['organization']);
    expect(company).toMatchObject({ id: C1, schema: 'Company', caption: 'Jansen Holding B.V.' });
    expect(company?.properties['jurisdiction']).toEqual(['nl']);
    expect(objects(person.properties['addressEntity'])[0]).toMatchObject({ id: 'a-1', schema: 'Address' });
    const [family] = objects(person.properties['familyPerson']);
    expect(objects(family?.properties['relative'])[0]).toMatchObject({ id: P2, caption: 'Jan Jansen' });
    // The company points at the person with `parent`: it appears under the reverse, `subsidiaries`.
    expect(objects(person.properties['subsidiaries']).map((e) => e.id)).toEqual([C1]);
    expect(person.properties['name']).toEqual(['Jan Jansen']);
  });

  it('never revisits an entity on the path: a reference back to it stays an id', async () => {
    const person = (await yente(`/entities/${P1}`)).json<Nested>();
    for (const { entity, above } of walk(person)) {
      expect(above).not.toContain(entity.id);
      if (entity !== person) expect(entity.id).not.toBe(P1);
    }
    const directorship = objects(person.properties['directorshipDirector'])[0];
    expect(directorship?.properties['director']).toEqual([P1]);
    const company = objects(directorship?.properties['organization'])[0];
    expect(company?.properties['parent']).toEqual([P1]);
  });

  it('answers the flat entity with nested=false', async () => {
    const res = await yente(`/entities/${P1}?nested=false`);
    expect(res.statusCode).toBe(200);
    const person = res.json<{ properties: Record<string, unknown> }>();
    expect(person.properties).toEqual({
      name: ['Jan Jansen'],
      nationality: ['nl'],
      birthDate: ['1970-01-01'],
      gender: ['male'],
      addressEntity: ['a-1'],
    });
    expect((await yente(`/entities/${P1}?nested=0`)).json().properties.addressEntity).toEqual(['a-1']);
    const bad = await yente(`/entities/${P1}?nested=misschien`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail[0].loc).toEqual(['query', 'nested']);
  });

  it('never shows or nests an entity of a dataset the user may not see', async () => {
    const hidden = await yente(`/entities/${HIDDEN}`);
    expect([hidden.statusCode, hidden.json()]).toEqual([404, { detail: 'No such entity!' }]);
    expect((await yente('/entities/d-hidden')).statusCode).toBe(404);
    const person = await yente(`/entities/${P1}`);
    expect(person.body).not.toContain('Verborgen');
    expect(person.body).not.toContain('d-hidden');
    // The reference into the other dataset stays an id.
    const ownership = objects(person.json<Nested>().properties['ownershipOwner'])[0];
    expect(ownership?.properties['asset']).toEqual([HIDDEN]);
    // The other organisation sees its own company, but not the person of ours it points at.
    expect((await yente(`/entities/${P1}`, otherToken)).statusCode).toBe(404);
    const theirs = (await yente(`/entities/${HIDDEN}`, otherToken)).json<Nested>();
    const theirEdge = objects(theirs.properties['directorshipOrganization'])[0];
    expect(theirEdge?.properties['director']).toEqual([P1]);
    expect(JSON.stringify(theirs)).not.toContain('Jan Jansen');
  });

  it('audits every read', async () => {
    const count = async () =>
      (await t.ctx.db.selectFrom('audit_events').select('seq').where('action', '=', 'screening.api_entity').execute())
        .length;
    const before = await count();
    await yente(`/entities/${P1}`);
    await yente(`/entities/${P1}?nested=false`);
    expect(await count()).toBe(before + 2);
  });
});

describe('yente GET /search/{dataset}', () => {
  it('matches whole words unless fuzzy, and finds only visible datasets', async () => {
    const exact = (await yente('/search/default?q=Jan%20Jansen')).json();
    expect(ids(exact)).toEqual([P2, P3, P1].sort());
    expect(exact.total).toEqual({ value: 3, relation: 'eq' });
    const fuzzy = (await yente('/search/default?q=Jan%20Jansen&fuzzy=true')).json();
    expect(ids(fuzzy)).toContain(P4);
    expect((await yente('/search/default?q=Verborgen')).json().total.value).toBe(0);
    expect(ids((await yente('/search/default?q=Verborgen', otherToken)).json())).toEqual([HIDDEN]);
  });

  it('filters by countries from any country-typed property, and by topics', async () => {
    expect(ids((await yente('/search/default?q=Jan%20Jansen&countries=nl')).json())).toEqual([P1]);
    const two = (await yente('/search/testregister?q=Jan%20Jansen&countries=nl&countries=de')).json();
    expect(ids(two)).toEqual([P1, P3].sort());
    expect(ids((await yente('/search/default?q=Jan%20Jansen&countries=nl&countries=de&filter_op=AND')).json())).toEqual(
      [],
    );
    expect(ids((await yente('/search/default?q=Jan%20Jansen&topics=sanction')).json())).toEqual([P2]);
    expect(ids((await yente('/search/default?q=Jan%20Jansen&target=true')).json())).toEqual([P2, P3].sort());
    expect(ids((await yente('/search/default?q=Jansen%20Holding&schema=Company')).json())).toEqual([C1]);
    expect(ids((await yente('/search/default?q=Jansen%20Holding&schema=Person')).json())).toEqual([]);
  });

  it('counts facets over all hits, not just the page, with labels', async () => {
    const res = await yente('/search/default?q=Jan%20Jansen&limit=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.results).toHaveLength(1);
    expect(body.total.value).toBe(3);
    expect(Object.keys(body.facets).sort()).toEqual(['countries', 'datasets', 'topics']);
    expect(body.facets.countries.label).toBe('Countries');
    expect(body.facets.countries.values).toEqual(
      expect.arrayContaining([
        { name: 'nl', label: 'Netherlands', count: 1 },
        { name: 'be', label: 'Belgium', count: 1 },
        { name: 'de', label: 'Germany', count: 1 },
      ]),
    );
    expect(body.facets.topics.values).toEqual(
      expect.arrayContaining([{ name: 'sanction', label: 'Sanctioned entity', count: 1 }]),
    );
    expect(body.facets.datasets).toEqual({
      label: 'Data sources',
      values: [{ name: 'testregister', label: 'Testregister RIEC', count: 3 }],
    });
    const chosen = (await yente('/search/default?q=Jan%20Jansen&facets=genders&facets=schema')).json();
    expect(chosen.facets).toEqual({
      genders: { label: 'Genders', values: [{ name: 'male', label: 'male', count: 2 }] },
      schema: { label: 'Entity types', values: [{ name: 'Person', label: 'People', count: 3 }] },
    });
  });

  it('filters by prop:value, excluded ids and change date, and sorts', async () => {
    expect(ids((await yente('/search/default?q=Jan%20Jansen&filter=birthDate:1980-05-05')).json())).toEqual([P3]);
    expect(ids((await yente('/search/default?q=Jan%20Jansen&filter=gender:MALE')).json())).toEqual([P1, P2].sort());
    expect(ids((await yente(`/search/default?q=Jan%20Jansen&exclude_entity_ids=${P1}`)).json())).toEqual(
      [P2, P3].sort(),
    );
    expect((await yente('/search/default?q=Jan%20Jansen&changed_since=2999-01-01')).json().total.value).toBe(0);
    const sorted = (await yente('/search/default?q=Jan%20Jansen&sort=id:desc')).json();
    expect(sorted.results.map((r: { id: string }) => r.id)).toEqual([P1, P3, P2]);
  });

  it('answers bad parameters as yente does', async () => {
    const schema = await yente('/search/default?q=Jan&schema=Persoon');
    expect([schema.statusCode, schema.json()]).toEqual([400, { detail: 'Invalid schema' }]);
    expect((await yente('/search/default?q=Jan&filter=zonderdubbelepunt')).statusCode).toBe(400);
    expect((await yente('/search/default?q=Jan&filter=bestaatniet:x')).statusCode).toBe(400);
    expect((await yente('/search/default?q=Jan&sort=bestaatniet')).statusCode).toBe(400);
    const fuzzy = await yente('/search/default?q=Jan&fuzzy=misschien');
    expect(fuzzy.statusCode).toBe(422);
    expect(fuzzy.json().detail[0].loc).toEqual(['query', 'fuzzy']);
    expect((await yente('/search/default?q=Jan&facets=names')).statusCode).toBe(422);
    expect((await yente('/search/default?q=Jan&limit=501')).statusCode).toBe(422);
    expect((await yente('/search/default?q=Jan&changed_since=gisteren')).statusCode).toBe(422);
    expect((await yente('/search/bestaat-niet?q=Jan')).statusCode).toBe(404);
  });
});

describe('yente merged ids', () => {
  it('redirects a merged id to its cluster’s canonical id (308), which lists it as referent', async () => {
    const decided = await analyst.post('/api/v1/match-decisions', {
      left: { datasetId, entityId: P4 },
      right: { datasetId, entityId: P1 },
      decision: 'same',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const merged = await yente(`/entities/${P4}?nested=false`);
    expect(merged.statusCode).toBe(308);
    expect(merged.headers.location).toBe(`/api/yente/entities/${P1}?nested=false`);
    const canonical = (await yente(`/entities/${P1}?nested=false`)).json();
    expect(canonical.referents).toEqual([P4]);
    const unknown = await yente('/entities/bestaat-niet');
    expect([unknown.statusCode, unknown.json()]).toEqual([404, { detail: 'No such entity!' }]);
  });
});
