import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { screeningBody, screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';
import { engineStats, forgetEngines } from '../src/modules/screening/engine-cache.js';

type Candidate = { entityId: string; score: number; items: { label: string; feature: string }[]; decision: unknown };
type Path = {
  candidateEntityId: string;
  nodes: { id: string; caption: string }[];
  edges: { type: string; role: string | null }[];
};
type RedFlag = { code: string; subject: string; textNl: string; evidenceCaptions?: Record<string, string> };
type Screening = {
  id: string;
  result: { candidates: Candidate[]; paths: Path[]; redFlags: RedFlag[]; skippedHubs: unknown[] };
  conclusion: { outcome: string } | null;
};

let t: TestApp;
let w: ScreeningWorld;
let screening: Screening;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
}, 120_000);
afterAll(async () => t.close());

describe('POST /api/v1/screenings: the demo applicant', () => {
  it('puts the true match on top with its explanation, the path through the straw man and the red flags', async () => {
    const res = await w.bibob.post('/api/v1/screenings', screeningBody());
    expect(res.statusCode, res.body).toBe(201);
    screening = res.json<Screening>();
    const [top, second] = screening.result.candidates;
    expect(top?.entityId).toBe(DEMO.applicantId);
    expect(top?.score).toBeGreaterThan(second?.score ?? 0);
    expect(top?.items.map((i) => i.feature)).toEqual(expect.arrayContaining(['name', 'birthDate', 'address']));
    expect(top?.items.every((i) => i.label.length > 0)).toBe(true);
    const path = screening.result.paths.find((p) => p.candidateEntityId === DEMO.applicantId);
    expect(path?.nodes.map((n) => n.id)).toEqual([
      DEMO.applicantId,
      DEMO.applicantCompanyId,
      DEMO.strawManId,
      DEMO.flaggedCompanyId,
    ]);
    expect(path?.nodes[2]?.caption).toBe('Kevin de Vries');
    expect(path?.edges.map((e) => e.type)).toEqual(['Directorship', 'Directorship', 'Directorship']);
    const codes = screening.result.redFlags.map((f) => `${f.code}:${f.subject}`);
    expect(codes).toEqual(
      expect.arrayContaining([`straw_man:${DEMO.strawManId}`, `flagged_within_hops:${DEMO.applicantId}`]),
    );
    const strawMan = screening.result.redFlags.find((f) => f.code === 'straw_man');
    expect(strawMan?.textNl).toContain('Kevin de Vries');
    // The entities a flag rests on come with their names; ties (directorships) keep their ids.
    expect(strawMan?.evidenceCaptions?.['demo-company-shell-0']).toMatch(/B\.V\.|Holding|V\.O\.F\./);
    expect(Object.keys(strawMan?.evidenceCaptions ?? {})).not.toContain('demo-dir-kevin-shell-0');
  });

  it('records decisions per candidate through the match-decision store, keeping every one', async () => {
    const url = `/api/v1/screenings/${screening.id}/decisions`;
    const first = await w.bibob.post(url, {
      datasetId: w.datasetId,
      entityId: DEMO.applicantId,
      decision: 'unsure',
      note: 'Geboortedatum klopt, adres ook',
    });
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(60_000);
    const second = await w.bibob.post(url, { datasetId: w.datasetId, entityId: DEMO.applicantId, decision: 'same' });
    expect(second.statusCode, second.body).toBe(201);
    const other = await w.bibob.post(url, { datasetId: w.datasetId, entityId: DEMO.namesakeId, decision: 'different' });
    expect([201, 404]).toContain(other.statusCode);
    const read = (await w.bibob.get(`/api/v1/screenings/${screening.id}`)).json<Screening>();
    expect(read.result.candidates[0]?.decision).toMatchObject({ decision: 'same' });
    const kept = await t.ctx.db
      .selectFrom('match_decisions')
      .selectAll()
      .where((eb) => eb.or([eb('left_entity_id', '=', DEMO.applicantId), eb('right_entity_id', '=', DEMO.applicantId)]))
      .execute();
    expect(kept.map((d) => d.decision).sort()).toEqual(['same', 'unsure']);
    // The applicant is kept as valid FtM: the form's "3-4-1979" as an ISO date.
    const applicant = await t.ctx.db
      .selectFrom('entities')
      .select('properties')
      .where('id', '=', `screening-${screening.id}`)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(applicant.properties)).toMatchObject({ birthDate: ['1979-04-03'] });
    const notCandidate = await w.bibob.post(url, { datasetId: w.datasetId, entityId: 'p-999999', decision: 'same' });
    expect(notCandidate.statusCode).toBe(404);
  });

  it('records a conclusion, lists the screening and audits every read', async () => {
    const res = await w.bibob.post(`/api/v1/screenings/${screening.id}/conclusion`, {
      outcome: 'bibob_advies_vragen',
      text: 'Zakenpartner is stroman van een bedrijf met drugs- en witwassignalen; advies LBB vragen.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Screening>().conclusion).toMatchObject({ outcome: 'bibob_advies_vragen' });
    const list = (await w.bibob.get('/api/v1/screenings')).json<{ id: string; outcome: string }[]>();
    expect(list[0]).toMatchObject({ id: screening.id, outcome: 'bibob_advies_vragen' });
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', screening.id)
      .execute();
    expect(reads.map((r) => r.action)).toEqual(
      expect.arrayContaining(['screening.create', 'screening.read', 'screening.conclude']),
    );
  });
});

describe('bad input', () => {
  const subject = (s: Record<string, unknown>) => screeningBody({ subject: s });
  it.each([
    ['an unknown schema', { schema: 'Persoon', properties: { name: ['X'] } }, 400, 'subject.schema'],
    ['a missing schema', { properties: { name: ['X'] } }, 422, 'subject.schema'],
    ['a property not in the schema', { schema: 'Person', properties: { naam: ['X'] } }, 400, 'subject.properties.naam'],
    ['a property of the wrong type', { schema: 'Person', properties: { name: [42] } }, 400, 'subject.properties.name'],
    ['an empty query', { schema: 'Person', properties: {} }, 400, 'subject.properties'],
    ['an abstract schema', { schema: 'Thing', properties: { name: ['X'] } }, 400, 'subject.schema'],
  ])('refuses %s', async (_what, body, status, path) => {
    const res = await w.bibob.post('/api/v1/screenings', subject(body));
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().issues[0].path).toBe(path);
  });
});

describe('tenancy', () => {
  it('hides a screening from another organisation (404) unless it is shared, and again after revocation', async () => {
    const url = `/api/v1/screenings/${screening.id}`;
    expect((await w.stranger.get(url)).statusCode).toBe(404);
    expect(
      (
        await w.stranger.post(`${url}/decisions`, {
          datasetId: w.datasetId,
          entityId: DEMO.applicantId,
          decision: 'same',
        })
      ).statusCode,
    ).toBe(404);
    expect((await w.stranger.get('/api/v1/screenings')).json()).toEqual([]);
    const grant = await w.bibob.post(`${url}/grants`, {
      granteeOrganisationId: w.bredaId,
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      expiresAt: '2027-01-01T00:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await w.stranger.get(url)).statusCode).toBe(428);
    const reason = { recordType: 'screening', recordId: screening.id, purpose: 'bibob_onderzoek' };
    expect((await w.stranger.post('/api/v1/access-reasons', reason)).statusCode).toBe(204);
    const shared = await w.stranger.get(url);
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json().access.via).toBe('grant');
    expect(
      (await w.stranger.post(`${url}/conclusion`, { outcome: 'geen_bezwaar', text: 'overschreven' })).statusCode,
    ).toBe(404);
    expect((await w.bibob.delete(`${url}/grants/${grant.json().id}`)).statusCode).toBe(204);
    expect((await w.stranger.get(url)).statusCode).toBe(404);
  });

  it('cannot screen against a dataset that is not shared with the organisation', async () => {
    const res = await w.stranger.post('/api/v1/screenings', screeningBody({ datasetIds: [w.datasetId] }));
    expect(res.statusCode).toBe(404);
    // With no register at all, an empty answer would read as a clean result: refused.
    const all = await w.stranger.post('/api/v1/screenings', screeningBody());
    expect(all.statusCode).toBe(409);
  });

  it('keeps answers identical after a restart from the snapshots', async () => {
    forgetEngines(t.ctx.db);
    const before = engineStats(t.ctx.db);
    const again = (await w.bibob.post('/api/v1/screenings', screeningBody())).json<Screening>();
    const after = engineStats(t.ctx.db);
    expect(after.snapshotLoads).toBe(before.snapshotLoads + 1);
    expect(after.builds).toBe(before.builds);
    expect(fs.readdirSync(t.ctx.config.snapshotDir).some((f) => f.startsWith(w.datasetId))).toBe(true);
    const strip = (s: Screening) => ({
      ...s.result,
      candidates: s.result.candidates.map((c) => ({ ...c, decision: null })),
    });
    expect(strip(again)).toEqual(strip(screening));
  });

  it('stops using a dataset once its grant is revoked', async () => {
    expect((await w.riec.delete(`/api/v1/datasets/${w.datasetId}/grants/${w.grantId}`)).statusCode).toBe(204);
    const res = await w.bibob.post('/api/v1/screenings', screeningBody());
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().message).toContain('no registers accessible');
    expect((await w.bibob.post('/api/v1/screenings', screeningBody({ datasetIds: [w.datasetId] }))).statusCode).toBe(
      404,
    );
  });
});
