import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runAsTenant } from '../src/platform/tenant-context.js';

// A person of interest shared by Tilburg with Breda (kern only): Breda reads it masked, gets it
// as a possible duplicate of its own record with the explanation, decides 'same' (kept, never
// merged) and never sees the addresses or notes; revocation ends both at once; Oss sees nothing.

let t: TestApp;
let tilburg: Municipality;
let breda: Municipality;
let tilburgClient: Client;
let bredaClient: Client;
let ossClient: Client;
let tilburgPoi: string;
let bredaPoi: string;
let grantId: string;
let ossId: string;

const secretStreet = 'Geheimstraat';
const secretNote = 'Informant: buurman op nummer 14';

type Suggestion = {
  poiId: string;
  organisation: { id: string; name: string };
  score: number;
  explanation: { feature: string; kind: string; explanation: string }[];
  decision: string | null;
};

async function create(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/v1/pois', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

// On PostgreSQL: the POI ids a tenant's query sees without any filter of its own (row-level security).
const rowsVisibleTo = (tenant: string): Promise<string[]> =>
  runAsTenant(tenant, async () =>
    (await sql<{ id: string }>`select id from pois`.execute(t.ctx.db)).rows.map((r) => r.id),
  );

const suggestionsFor = async (client: Client, id: string): Promise<Suggestion[]> => {
  const res = await client.get(`/api/v1/pois/${id}/possible-duplicates?minScore=0.3`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Suggestion[]>();
};

beforeAll(async () => {
  t = await createTestApp();
  tilburg = await municipality(t, 'tilburg');
  breda = await municipality(t, 'breda');
  ossId = (await municipality(t, 'oss')).org.id;
  tilburgClient = await login(t, 'adviseur@tilburg.test');
  bredaClient = await login(t, 'adviseur@breda.test');
  ossClient = await login(t, 'adviseur@oss.test');
  tilburgPoi = await create(tilburgClient, {
    displayName: 'Johannes van den Berg',
    names: ['Hans van den Berg'],
    birthDate: '1979-04-03',
    addresses: [{ street: secretStreet, houseNumber: '12', postcode: '5038 AB', city: 'Tilburg' }],
    onlineHandles: [{ platform: 'X', handle: '@hansvdberg' }],
    notes: secretNote,
  });
  bredaPoi = await create(bredaClient, { displayName: 'Johannes v.d. Berg', birthDate: '1979-04-03' });
  await create(bredaClient, { displayName: 'Pieter de Groot', birthDate: '1990-01-01' });
});
afterAll(async () => t.close());

describe('sharing a person of interest with another organisation', () => {
  it('lets only the owner share, with the POI parts', async () => {
    const body = {
      granteeOrganisationId: breda.org.id,
      purpose: 'dreigingsinschatting',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      parts: ['kern'],
      expiresAt: '2026-12-31T23:00:00Z',
    };
    const unknownPart = await tilburgClient.post(`/api/v1/pois/${tilburgPoi}/grants`, { ...body, parts: ['dader'] });
    expect(unknownPart.statusCode).toBe(400);
    expect((await bredaClient.post(`/api/v1/pois/${tilburgPoi}/grants`, body)).statusCode).toBe(404);
    const granted = await tilburgClient.post(`/api/v1/pois/${tilburgPoi}/grants`, body);
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({ recordType: 'poi', parts: ['kern'], status: 'active' });
    grantId = granted.json().id;
    const grants = await tilburgClient.get(`/api/v1/pois/${tilburgPoi}/grants`);
    expect(grants.json()).toHaveLength(1);
    expect((await bredaClient.get(`/api/v1/pois/${tilburgPoi}/grants`)).statusCode).toBe(403);
  });

  it('shows the grantee the core, masked, read-only and audited with purpose and owner', async () => {
    const asked = await bredaClient.get(`/api/v1/pois/${tilburgPoi}`);
    expect(asked.statusCode).toBe(428);
    const reason = { recordType: 'poi', recordId: tilburgPoi, purpose: 'dreigingsinschatting' };
    expect((await bredaClient.post('/api/v1/access-reasons', reason)).statusCode).toBe(204);
    const read = await bredaClient.get(`/api/v1/pois/${tilburgPoi}`);
    expect(read.statusCode, read.body).toBe(200);
    const poi = read.json();
    expect(poi).toMatchObject({
      displayName: 'Johannes van den Berg',
      birthDate: '1979-04-03',
      onlineHandles: [{ platform: 'X', handle: '@hansvdberg' }],
      addresses: [],
      notes: '',
      incidents: [],
      access: { via: 'grant', parts: ['kern'], sharedBy: 'Gemeente tilburg', purpose: 'dreigingsinschatting' },
    });
    expect(poi.access.masked).toEqual(['addresses', 'notes']);
    expect(read.body).not.toContain(secretStreet);
    expect(read.body).not.toContain(secretNote);
    const patch = await bredaClient.patch(`/api/v1/pois/${tilburgPoi}`, { version: 1, notes: 'x' });
    expect(patch.statusCode).toBe(404);
    const list = (await bredaClient.get('/api/v1/pois')).json<{ id: string; sharedBy: string | null }[]>();
    expect(list.find((p) => p.id === tilburgPoi)?.sharedBy).toBe('Gemeente tilburg');
    expect(list.find((p) => p.id === bredaPoi)?.sharedBy).toBeNull();
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['purpose', 'record_owner_id'])
      .where('action', '=', 'poi.read')
      .where('object_id', '=', tilburgPoi)
      .where('organisation_id', '=', breda.org.id)
      .execute();
    expect(audit).toEqual([{ purpose: 'dreigingsinschatting', record_owner_id: tilburg.org.id }]);
  });

  it('suggests the shared POI as the top duplicate of the own one, labelled and explained', async () => {
    const list = await suggestionsFor(bredaClient, bredaPoi);
    expect(list[0]?.poiId).toBe(tilburgPoi);
    expect(list[0]?.organisation).toEqual({ id: tilburg.org.id, name: 'Gemeente tilburg' });
    const features = list[0]?.explanation.map((i) => `${i.feature}:${i.kind}`);
    expect(features).toEqual(expect.arrayContaining(['name:evidence', 'birthDate:evidence']));
    expect(JSON.stringify(list)).not.toContain(secretStreet);
    // The other way round too: the shared POI's own suggestions include Breda's record.
    const back = await suggestionsFor(bredaClient, tilburgPoi);
    expect(back[0]?.poiId).toBe(bredaPoi);
    expect(back[0]?.organisation.name).toBe('Gemeente breda');
    // Tilburg does not see Breda's record: Breda shared nothing.
    expect((await suggestionsFor(tilburgClient, tilburgPoi)).map((s) => s.poiId)).not.toContain(bredaPoi);
  });

  it('keeps Breda’s "same" decision as Breda’s, never merged', async () => {
    const decided = await bredaClient.post(`/api/v1/pois/${bredaPoi}/duplicate-decisions`, {
      otherPoiId: tilburgPoi,
      decision: 'same',
      note: 'Zelfde naam en geboortedatum',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect((await bredaClient.get(`/api/v1/pois/${bredaPoi}`)).json().sameAs).toEqual([tilburgPoi]);
    expect((await suggestionsFor(bredaClient, bredaPoi))[0]?.decision).toBe('same');
    const own = (await tilburgClient.get(`/api/v1/pois/${tilburgPoi}`)).json();
    expect(own.sameAs).toEqual([]);
    expect(own.notes).toBe(secretNote);
    const rows = await t.ctx.db.selectFrom('poi_duplicate_decisions').selectAll().execute();
    expect(rows.map((r) => r.organisation_id)).toEqual([breda.org.id]);
  });

  it('shows a third organisation nothing', async () => {
    expect((await ossClient.get(`/api/v1/pois/${tilburgPoi}`)).statusCode).toBe(404);
    expect((await ossClient.get(`/api/v1/pois/${tilburgPoi}/possible-duplicates`)).statusCode).toBe(404);
    expect((await ossClient.get('/api/v1/pois')).json()).toEqual([]);
    expect((await ossClient.get(`/api/v1/pois/${tilburgPoi}/grants`)).statusCode).toBe(404);
  });

  it.runIf(isPostgresRun)('shows the row to the grantee tenant on PostgreSQL while the grant is live', async () => {
    expect(await rowsVisibleTo(breda.org.id)).toContain(tilburgPoi);
    expect(await rowsVisibleTo(ossId)).toEqual([]);
  });

  it('ends the read and the suggestion at once on revocation', async () => {
    expect((await bredaClient.delete(`/api/v1/pois/${tilburgPoi}/grants/${grantId}`)).statusCode).toBe(403);
    const revoked = await tilburgClient.delete(`/api/v1/pois/${tilburgPoi}/grants/${grantId}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await bredaClient.get(`/api/v1/pois/${tilburgPoi}`)).statusCode).toBe(404);
    expect((await suggestionsFor(bredaClient, bredaPoi)).map((s) => s.poiId)).not.toContain(tilburgPoi);
    expect((await bredaClient.get('/api/v1/pois')).json().map((p: { id: string }) => p.id)).not.toContain(tilburgPoi);
    const again = await bredaClient.post(`/api/v1/pois/${bredaPoi}/duplicate-decisions`, {
      otherPoiId: tilburgPoi,
      decision: 'different',
    });
    expect(again.statusCode).toBe(400);
    if (isPostgresRun) expect(await rowsVisibleTo(breda.org.id)).not.toContain(tilburgPoi);
  });
});
