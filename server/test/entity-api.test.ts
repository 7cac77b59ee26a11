import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { importFile, tempDir } from './support/entity-fixtures.js';
import { writeRegister } from '../src/modules/entities/generator/write-register.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';

let t: TestApp;
let dir: string;
let registerFile: string;
let riecId: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = tempDir();
  registerFile = path.join(dir, 'register.jsonl.gz');
  await writeRegister(registerFile, { persons: 200, seed: 1 });
  riecId = (await buildOrganisation(t.ctx, { slug: 'riec-test', name: 'RIEC Test', type: 'riec' })).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('entity API', () => {
  let riec: Client;
  let bibob: Client;
  let stranger: Client;
  let datasetId: string;
  let tilburgId: string;
  const entityUrl = (id: string) => `/api/v1/datasets/${datasetId}/entities/${encodeURIComponent(id)}`;

  beforeAll(async () => {
    tilburgId = (await buildOrganisation(t.ctx, { slug: 'gemeente-tilburg-e', name: 'Gemeente Tilburg' })).id;
    const breda = await buildOrganisation(t.ctx, { slug: 'gemeente-breda-e', name: 'Gemeente Breda' });
    await buildUser(t.ctx, riecId, ['riec_analyst'], { email: 'analist@riec.test' });
    await buildUser(t.ctx, tilburgId, ['bibob_coordinator'], { email: 'bibob@tilburg.test' });
    await buildUser(t.ctx, breda.id, ['bibob_coordinator'], { email: 'bibob@breda.test' });
    await importFile(t.ctx, registerFile, { dataset: 'kvk-api', org: 'riec-test' });
    riec = await login(t, 'analist@riec.test');
    bibob = await login(t, 'bibob@tilburg.test');
    stranger = await login(t, 'bibob@breda.test');
    datasetId =
      (await riec.get('/api/v1/datasets')).json<{ id: string; name: string }[]>().find((d) => d.name === 'kvk-api')
        ?.id ?? '';
  });

  const share = () =>
    riec.post(`/api/v1/datasets/${datasetId}/grants`, {
      granteeOrganisationId: tilburgId,
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      expiresAt: '2027-06-01T00:00:00Z',
    });

  it('hides another organisation’s dataset (404), shows it after a grant and hides it again after revocation', async () => {
    expect(datasetId).not.toBe('');
    expect((await bibob.get('/api/v1/datasets')).json()).toEqual([]);
    expect((await bibob.get(entityUrl(DEMO.applicantId))).statusCode).toBe(404);
    expect((await bibob.get(`/api/v1/datasets/${datasetId}`)).statusCode).toBe(404);
    const grant = await share();
    expect(grant.statusCode, grant.body).toBe(201);
    const listed = (await bibob.get('/api/v1/datasets')).json();
    expect(listed).toMatchObject([{ id: datasetId, via: 'grant', purpose: 'bibob_onderzoek', sharedBy: 'RIEC Test' }]);
    const read = await bibob.get(entityUrl(DEMO.applicantId));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().access).toMatchObject({ via: 'grant', purpose: 'bibob_onderzoek' });
    expect((await stranger.get(entityUrl(DEMO.applicantId))).statusCode).toBe(404);
    // A grantee cannot see or pass on the grants: its role lacks datasets:manage, and it is not the owner.
    expect((await bibob.get(`/api/v1/datasets/${datasetId}/grants`)).statusCode).toBe(403);
    expect((await riec.delete(`/api/v1/datasets/${datasetId}/grants/${grant.json().id}`)).statusCode).toBe(204);
    expect((await bibob.get(entityUrl(DEMO.applicantId))).statusCode).toBe(404);
    expect((await bibob.get(`/api/v1/entities?q=johannes`)).json().items).toEqual([]);
  });

  it('returns an entity with its ties and flags, audits every read and finds it by the start of its name', async () => {
    const audits = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'entity.read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audits();
    const applicant = (await riec.get(entityUrl(DEMO.applicantId))).json();
    expect(await audits()).toBe(before + 1);
    expect(applicant).toMatchObject({
      caption: 'Johannes van den Berg',
      schema: 'Person',
      isFlagged: false,
      canonical: { id: DEMO.applicantId },
    });
    const company = applicant.ties.find(
      (tie: { other: { id: string } | null }) => tie.other?.id === DEMO.applicantCompanyId,
    );
    expect(company?.edge?.schema).toMatch(/Directorship|Ownership/);
    expect(applicant.ties.some((tie: { property: string }) => tie.property === 'addressEntity')).toBe(true);
    const flagged = (await riec.get(entityUrl(DEMO.flaggedCompanyId))).json();
    expect(flagged.isFlagged).toBe(true);
    expect(flagged.flaggedTopics).toContain('crime.fin');
    const search = (
      await riec.get(`/api/v1/entities?q=${encodeURIComponent('Johannes van den')}&datasetId=${datasetId}`)
    ).json();
    expect(search.items.map((i: { id: string }) => i.id)).toContain(DEMO.applicantId);
    expect((await riec.get('/api/v1/entities?q=')).statusCode).toBe(400);
  });

  it('flags an entity with a reason and withdraws the flag', async () => {
    const flag = await riec.post(`${entityUrl(DEMO.strawManId)}/flags`, {
      reason: 'Stroman volgens RIEC-casus 2026-14',
    });
    expect(flag.statusCode, flag.body).toBe(201);
    const read = (await riec.get(entityUrl(DEMO.strawManId))).json();
    expect(read.isFlagged).toBe(true);
    expect(read.flags[0]).toMatchObject({ reason: 'Stroman volgens RIEC-casus 2026-14', isOwnOrganisation: true });
    const applicant = (await riec.get(entityUrl(DEMO.applicantCompanyId))).json();
    expect(
      applicant.ties.find((tie: { other: { id: string } | null }) => tie.other?.id === DEMO.strawManId)?.other
        .isFlagged,
    ).toBe(true);
    expect((await stranger.delete(`/api/v1/entity-flags/${flag.json().id}`)).statusCode).toBe(404);
    expect((await riec.delete(`/api/v1/entity-flags/${flag.json().id}`)).statusCode).toBe(204);
    expect((await riec.get(entityUrl(DEMO.strawManId))).json()).toMatchObject({ isFlagged: false, flags: [] });
  });

  it('keeps match decisions, never overwriting them, and resolves "same" clusters to one canonical entity', async () => {
    const pair = { left: { datasetId, entityId: DEMO.namesakeId }, right: { datasetId, entityId: DEMO.applicantId } };
    const same = await riec.post('/api/v1/match-decisions', { ...pair, decision: 'same', note: 'zelfde BSN' });
    expect(same.statusCode, same.body).toBe(201);
    const namesake = (await riec.get(entityUrl(DEMO.namesakeId))).json();
    const canonical = [DEMO.applicantId, DEMO.namesakeId].sort()[0];
    expect(namesake.canonical).toEqual({ datasetId, id: canonical });
    expect(namesake.cluster.map((m: { id: string }) => m.id).sort()).toEqual(
      [DEMO.applicantId, DEMO.namesakeId].sort(),
    );
    t.clock.advance(1000);
    await riec.post('/api/v1/match-decisions', { left: pair.right, right: pair.left, decision: 'different' });
    const decisions = (await riec.get(`${entityUrl(DEMO.applicantId)}/decisions`)).json();
    expect(decisions.map((d: { decision: string; isCurrent: boolean }) => [d.decision, d.isCurrent])).toEqual([
      ['different', true],
      ['same', false],
    ]);
    expect(decisions[1].note).toBe('zelfde BSN');
    expect((await riec.get(entityUrl(DEMO.namesakeId))).json().cluster).toHaveLength(1);
    expect(
      (await riec.post('/api/v1/match-decisions', { ...pair, right: pair.left, decision: 'same' })).statusCode,
    ).toBe(400);
    expect((await stranger.post('/api/v1/match-decisions', { ...pair, decision: 'same' })).statusCode).toBe(404);
    expect((await stranger.get(`${entityUrl(DEMO.applicantId)}/decisions`)).statusCode).toBe(404);
  });
});
