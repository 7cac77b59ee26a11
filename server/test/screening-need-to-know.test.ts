import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { screeningBody, screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';

// Screening records as need-to-know records: TLP:RED hides a screening from the colleagues of
// the user who ran it, shared and RED screenings open only with a reason, conclusions are kept
// as history and recorded only by the user who ran the screening or the Bibob coordinator, a
// screening without any register is refused, and bad dates or countries are named.

type Conclusion = { outcome: string; text: string; concludedBy: string; concludedAt: string };
type Screening = {
  id: string;
  tlp: string;
  conclusion: Conclusion | null;
  conclusions: Conclusion[];
  access: { via: string; purpose: string | null; mayConclude: boolean; mayShare: boolean };
};

let t: TestApp;
let w: ScreeningWorld;
/** Tilburg: the adviser who runs the screenings, a colleague, and a colleague to be named in a grant. */
let runner: Client;
let colleague: Client;
let named: Client;
let namedUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
  await buildUser(t.ctx, w.tilburgId, ['oov_adviseur'], { email: 'adviseur@tilburg-s.test', displayName: 'Ada' });
  await buildUser(t.ctx, w.tilburgId, ['oov_adviseur'], { email: 'collega@tilburg-s.test' });
  namedUserId = (await buildUser(t.ctx, w.tilburgId, ['oov_adviseur'], { email: 'genoemd@tilburg-s.test' })).id;
  runner = await login(t, 'adviseur@tilburg-s.test');
  colleague = await login(t, 'collega@tilburg-s.test');
  named = await login(t, 'genoemd@tilburg-s.test');
}, 120_000);
afterAll(async () => t.close());

async function screen(client: Client = runner, tlp?: 'RED'): Promise<string> {
  const res = await client.post('/api/v1/screenings', screeningBody());
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<Screening>().id;
  if (tlp) expect((await client.request('PUT', `/api/v1/screenings/${id}/tlp`, { tlp })).statusCode).toBe(204);
  return id;
}

const giveReason = (client: Client, id: string) =>
  client.post('/api/v1/access-reasons', { recordType: 'screening', recordId: id, purpose: 'bibob_onderzoek' });

const listedIds = async (client: Client) =>
  (await client.get('/api/v1/screenings?pageSize=200')).json<{ id: string }[]>().map((s) => s.id);

async function readsOf(id: string) {
  return t.ctx.db
    .selectFrom('audit_events')
    .select(['action', 'actor_user_id', 'purpose'])
    .where('object_id', '=', id)
    .where('action', '=', 'screening.read')
    .execute();
}

describe('TLP:RED screenings', () => {
  it('are hidden from colleagues of the same organisation: not listed, 404 on every route', async () => {
    const id = await screen(runner, 'RED');
    const url = `/api/v1/screenings/${id}`;
    for (const client of [colleague, w.bibob]) {
      expect(await listedIds(client)).not.toContain(id);
      expect((await client.get(url)).statusCode).toBe(404);
      const conclusion = await client.post(`${url}/conclusion`, { outcome: 'geen_bezwaar', text: 'Niets aan de hand' });
      expect(conclusion.statusCode).toBe(404);
      expect((await client.get(`${url}/grants`)).statusCode).toBe(404);
      expect((await giveReason(client, id)).statusCode).toBe(404);
    }
    expect(await listedIds(runner)).toContain(id);
  });

  it('open for the user who ran them only after a reason, which goes on the audit event', async () => {
    const id = await screen(runner, 'RED');
    const refused = await runner.get(`/api/v1/screenings/${id}`);
    expect(refused.statusCode).toBe(428);
    expect(refused.json().error).toBe('reason_required');
    expect((await giveReason(runner, id)).statusCode).toBe(204);
    const res = await runner.get(`/api/v1/screenings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Screening>()).toMatchObject({ tlp: 'RED', access: { via: 'organisation', mayConclude: true } });
    expect((await readsOf(id)).map((r) => r.purpose)).toEqual(['bibob_onderzoek']);
  });

  it('open for a person named in a live grant, with a reason, and close again when it is revoked', async () => {
    const id = await screen(runner, 'RED');
    const grant = await runner.post(`/api/v1/screenings/${id}/grants`, {
      granteeOrganisationId: w.tilburgId,
      namedUserIds: [namedUserId],
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect(await listedIds(named)).toContain(id);
    expect(await listedIds(colleague)).not.toContain(id);
    expect((await named.get(`/api/v1/screenings/${id}`)).statusCode).toBe(428);
    expect((await giveReason(named, id)).statusCode).toBe(204);
    const res = await named.get(`/api/v1/screenings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    // A named colleague reads it but may not conclude it.
    expect(res.json<Screening>().access.mayConclude).toBe(false);
    const concluded = await named.post(`/api/v1/screenings/${id}/conclusion`, {
      outcome: 'geen_bezwaar',
      text: 'Geen bezwaar',
    });
    expect(concluded.statusCode, concluded.body).toBe(403);
    expect((await colleague.get(`/api/v1/screenings/${id}`)).statusCode).toBe(404);
    const reads = await readsOf(id);
    expect(reads).toEqual([{ action: 'screening.read', actor_user_id: namedUserId, purpose: 'bibob_onderzoek' }]);
    expect((await runner.delete(`/api/v1/screenings/${id}/grants/${grant.json().id}`)).statusCode).toBe(204);
    expect((await named.get(`/api/v1/screenings/${id}`)).statusCode).toBe(404);
    expect(await listedIds(named)).not.toContain(id);
  });
});

describe('shared screenings', () => {
  it('open in the receiving organisation only after a reason', async () => {
    const id = await screen(runner);
    const concluded = await runner.post(`/api/v1/screenings/${id}/conclusion`, {
      outcome: 'nader_onderzoek',
      text: 'Eerst de KvK-historie bekijken',
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const grant = await runner.post(`/api/v1/screenings/${id}/grants`, {
      granteeOrganisationId: w.bredaId,
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await w.stranger.get(`/api/v1/screenings/${id}`)).statusCode).toBe(428);
    expect((await giveReason(w.stranger, id)).statusCode).toBe(204);
    const res = await w.stranger.get(`/api/v1/screenings/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Screening>().access).toMatchObject({ via: 'grant', mayConclude: false, mayShare: false });
    // The conclusion history travels with the screening.
    expect(res.json<Screening>().conclusions.map((c) => c.outcome)).toEqual(['nader_onderzoek']);
    // An AMBER screening opens for colleagues of the owner without a reason.
    expect((await colleague.get(`/api/v1/screenings/${id}`)).statusCode).toBe(200);
  });
});

describe('conclusions', () => {
  it('are recorded by the user who ran the screening or the Bibob coordinator only, and all kept', async () => {
    const id = await screen(runner);
    const url = `/api/v1/screenings/${id}/conclusion`;
    const before = (await colleague.get(`/api/v1/screenings/${id}`)).json<Screening>();
    expect(before.access.mayConclude).toBe(false);
    const refused = await colleague.post(url, { outcome: 'geen_bezwaar', text: 'Overschreven door een collega' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain('Bibob');
    const first = await runner.post(url, { outcome: 'nader_onderzoek', text: 'Eerst de KvK-historie bekijken' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await w.bibob.get(`/api/v1/screenings/${id}`)).json<Screening>().access.mayConclude).toBe(true);
    const second = await w.bibob.post(url, { outcome: 'bibob_advies_vragen', text: 'Advies LBB vragen' });
    expect(second.statusCode, second.body).toBe(200);
    const read = (await runner.get(`/api/v1/screenings/${id}`)).json<Screening>();
    expect(read.conclusion).toMatchObject({ outcome: 'bibob_advies_vragen', text: 'Advies LBB vragen' });
    expect(read.conclusions.map((c) => [c.outcome, c.text])).toEqual([
      ['bibob_advies_vragen', 'Advies LBB vragen'],
      ['nader_onderzoek', 'Eerst de KvK-historie bekijken'],
    ]);
    expect(read.conclusions[1]?.concludedBy).toBe('Ada');
    const list = (await runner.get('/api/v1/screenings?pageSize=200')).json<{ id: string; outcome: string }[]>();
    expect(list.find((s) => s.id === id)?.outcome).toBe('bibob_advies_vragen');
    const audited = await t.ctx.db
      .selectFrom('audit_events')
      .select(['action', 'result'])
      .where('object_id', '=', id)
      .where('action', '=', 'screening.conclude')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('keeps every one of several conclusions saved at the same moment, each in its own place', async () => {
    const id = await screen(runner);
    const url = `/api/v1/screenings/${id}/conclusion`;
    const texts = ['Eerste lezing', 'Tweede lezing', 'Derde lezing', 'Vierde lezing'];
    const answers = await Promise.all(texts.map((text) => runner.post(url, { outcome: 'nader_onderzoek', text })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const rows = await t.ctx.db
      .selectFrom('screening_conclusions')
      .select(['position', 'text'])
      .where('screening_id', '=', id)
      .orderBy('position')
      .execute();
    expect(rows.map((r) => Number(r.position))).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => r.text).sort()).toEqual([...texts].sort());
  });
});

describe('screening without registers', () => {
  it('is refused with 409 naming the reason, and nothing is stored', async () => {
    const count = () =>
      t.ctx.db
        .selectFrom('screenings')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organisation_id', '=', w.bredaId)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const before = await count();
    const res = await w.stranger.post('/api/v1/screenings', screeningBody());
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      error: 'conflict',
      message: expect.stringContaining('no registers accessible'),
    });
    expect(await count()).toBe(before);
  });
});

describe('invalid dates and countries', () => {
  const subject = (properties: Record<string, string[]>) =>
    screeningBody({ subject: { schema: 'Person', properties: { name: ['Jan van den Berg'], ...properties } } });

  it.each([
    ['a word for a birth date', { birthDate: ['gisteren'] }, 'birthDate'],
    ['text for a birth date', { birthDate: ['not-a-date'] }, 'birthDate'],
    ['an impossible ISO date', { birthDate: ['1979-13-45'] }, 'birthDate'],
    ['an unknown nationality', { nationality: ['xx-not-a-country'] }, 'nationality'],
    ['an unknown country', { country: ['Atlantis'] }, 'country'],
  ])('refuses %s with 400 naming the property', async (_what, properties, property) => {
    const res = await runner.post('/api/v1/screenings', subject(properties));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().issues[0].path).toBe(`subject.properties.${property}`);
  });

  it('accepts ISO, partial and Dutch dates and country codes or names', async () => {
    for (const properties of [
      { birthDate: ['1979-04-03'], nationality: ['nl'] },
      { birthDate: ['1979-04'], nationality: ['NL'] },
      { birthDate: ['1979'], nationality: ['Nederland'] },
      { birthDate: ['3-4-1979'], nationality: ['Netherlands'] },
      { birthDate: ['3 april 1979'], nationality: ['ma'] },
    ]) {
      const res = await runner.post('/api/v1/screenings', subject(properties));
      expect(res.statusCode, `${JSON.stringify(properties)} ${res.body}`).toBe(201);
    }
  });

  it('refuses them on the yente API too, naming the property in yente’s shape', async () => {
    const token = (await w.bibob.post('/api/v1/me/api-tokens', { name: 'yente-need-to-know' })).json().token as string;
    const match = (properties: Record<string, string[]>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/yente/match/default',
        headers: { authorization: `ApiKey ${token}` },
        payload: { queries: { q: { schema: 'Person', properties: { name: ['Jan van den Berg'], ...properties } } } },
      });
    const cases: [Record<string, string[]>, string][] = [
      [{ birthDate: ['gisteren'] }, 'birthDate'],
      [{ nationality: ['xx-not-a-country'] }, 'nationality'],
    ];
    for (const [properties, property] of cases) {
      const res = await match(properties);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toEqual(expect.stringContaining(`queries.q.properties.${property}`));
    }
    expect((await match({ birthDate: ['3-4-1979'], nationality: ['nl'] })).statusCode).toBe(200);
  });
});
