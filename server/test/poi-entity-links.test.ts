import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { importFile, person, tempDir, writeLines } from './support/entity-fixtures.js';

// A person of interest can be tied to entities of the network the user may see — a perpetrator
// who also directs a company — and the tie shows nothing once the dataset is no longer shared.

let t: TestApp;
let m: Municipality;
let adviser: Client;
let riec: Client;
let datasetId: string;
let poiId: string;

beforeAll(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  const riecId = (await buildOrganisation(t.ctx, { slug: 'riec-links', type: 'riec' })).id;
  await buildUser(t.ctx, riecId, ['riec_analyst'], { email: 'analist@riec.test' });
  const file = writeLines(`${tempDir()}/kvk.jsonl`, [
    person('p-rdg', 'Ruud de Groot', { birthDate: ['1971-02-03'], topics: ['crime'] }),
  ]);
  await importFile(t.ctx, file, { dataset: 'kvk-links', org: 'riec-links' });
  riec = await login(t, 'analist@riec.test');
  adviser = await login(t, 'adviseur@tilburg.test');
  datasetId = (await riec.get('/api/v1/datasets')).json<{ id: string }[]>()[0]?.id ?? '';
  poiId = (await adviser.post('/api/v1/pois', { displayName: 'Ruud de Groot' })).json<{ id: string }>().id;
});
afterAll(async () => t.close());

describe('links from a person of interest to the network', () => {
  it('refuses an entity the adviser may not see', async () => {
    const res = await adviser.post(`/api/v1/pois/${poiId}/entity-links`, { datasetId, entityId: 'p-rdg' });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('entityId');
  });

  it('links to a shared entity, shows it while shared and nothing of it after revocation', async () => {
    const grant = await riec.post(`/api/v1/datasets/${datasetId}/grants`, {
      granteeOrganisationId: m.org.id,
      purpose: 'dreigingsinschatting',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      expiresAt: '2027-06-01T00:00:00Z',
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const linked = await adviser.post(`/api/v1/pois/${poiId}/entity-links`, {
      datasetId,
      entityId: 'p-rdg',
      note: 'zelfde geboortedatum',
    });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().entity).toMatchObject({ caption: 'Ruud de Groot', isFlagged: true });
    expect(
      (await adviser.post(`/api/v1/pois/${poiId}/entity-links`, { datasetId, entityId: 'p-rdg' })).statusCode,
    ).toBe(409);

    await riec.delete(`/api/v1/datasets/${datasetId}/grants/${grant.json().id}`);
    const after = (await adviser.get(`/api/v1/pois/${poiId}/entity-links`)).json();
    expect(after).toEqual([expect.objectContaining({ entityId: 'p-rdg', entity: null })]);
    expect(JSON.stringify(after)).not.toContain('Ruud de Groot');
    expect((await adviser.delete(`/api/v1/pois/${poiId}/entity-links/${after[0].id}`)).statusCode).toBe(204);
  });

  it('is not visible to another organisation', async () => {
    const other = await municipality(t, 'breda');
    const stranger = await login(t, 'adviseur@breda.test');
    expect((await stranger.get(`/api/v1/pois/${poiId}/entity-links`)).statusCode).toBe(404);
    expect(other.org.id).not.toBe(m.org.id);
  });
});
