import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident, buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { addAttachment } from '../src/modules/incidents/incident-attachments.service.js';
import { protectionBodies, protectionRecordsOf } from './support/protection-tenancy.js';
import { entityBodies, entityRecordsOf } from './support/entity-tenancy.js';
import { scanSupportBodies, scanSupportRecordsOf } from './support/scan-support-tenancy.js';
import { screeningBodies, screeningRecordsOf } from './support/screening-tenancy.js';

// A user of organisation A must not read, list, change or delete anything of organisation B
// through any route; a foreign record answers 404 (or 403 where the role lacks the right at all).

let t: TestApp;
let a: Municipality;
let b: Municipality;
let ids: Record<string, string>;
const secretText = 'GEHEIM-VAN-BREDA';

beforeAll(async () => {
  t = await createTestApp();
  a = await municipality(t, 'tilburg');
  b = await municipality(t, 'breda');
  await buildUser(t.ctx, a.org.id, ['org_admin'], { email: 'beheer@tilburg.test' });
  await buildUser(t.ctx, a.org.id, ['dpo'], { email: 'fg@tilburg.test' });
  const bAdmin = await buildUser(t.ctx, b.org.id, ['org_admin'], { email: 'beheer@breda.test' });
  const incident = await buildIncident(b.rc, b.wethouder.id, { summary: secretText });
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const attachment = await addAttachment(b.rc, incident.id, { fileName: 'a.png', contentType: 'image/png', data: png });
  const bAdviser = await login(t, 'adviseur@breda.test');
  const token = (await bAdviser.post('/api/v1/me/api-tokens', { name: 'b' })).json();
  const police = await buildOrganisation(t.ctx, { type: 'politie' });
  const exportRequest = (
    await bAdviser.post('/api/v1/exports', { kind: 'incidents_csv', reason: 'Jaarrapportage aan de gemeenteraad' })
  ).json();
  const grant = (
    await bAdviser.post(`/api/v1/incidents/${incident.id}/grants`, {
      granteeOrganisationId: police.id,
      purpose: 'aangifte_en_opsporing',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      parts: ['kern'],
      expiresAt: '2027-01-01T00:00:00Z',
    })
  ).json();
  ids = {
    incidentId: incident.id,
    officeholderId: b.wethouder.id,
    attachmentId: attachment?.id ?? '',
    userId: bAdmin.id,
    organisationId: b.org.id,
    tokenId: token.id,
    grantId: grant.id,
    exportId: exportRequest.id,
  };
  Object.assign(ids, await protectionRecordsOf(t.ctx, b));
  Object.assign(ids, await entityRecordsOf(t.ctx, b, secretText));
  Object.assign(ids, await scanSupportRecordsOf(t.ctx, b));
  Object.assign(ids, await screeningRecordsOf(b, secretText));
  // A link id of B's would need an entity B may see; B's person of interest already answers 404.
  Object.assign(ids, {
    linkId: '00000000-0000-4000-8000-00000000a11c',
    photoId: '00000000-0000-4000-8000-0000000f0705',
  });
});
afterAll(async () => t.close());

const bodies: Record<string, unknown> = {
  'PATCH /api/v1/incidents/{incidentId}': { version: 1, severity: 1, summary: 'overschreven' },
  'POST /api/v1/incidents/{incidentId}/status': { status: 'in_behandeling', version: 1 },
  'PATCH /api/v1/officeholders/{officeholderId}': { fullName: 'Overschreven' },
  'PATCH /api/v1/users/{userId}': { displayName: 'Overschreven', active: false },
  'PATCH /api/v1/organisations/{organisationId}': { name: 'Overschreven' },
  'PUT /api/v1/incidents/{incidentId}/tlp': { tlp: 'CLEAR' },
  'PUT /api/v1/officeholders/{officeholderId}/tlp': { tlp: 'CLEAR' },
  'PUT /api/v1/datasets/{datasetId}/tlp': { tlp: 'CLEAR' },
  'PUT /api/v1/pois/{poiId}/tlp': { tlp: 'CLEAR' },
  'PUT /api/v1/screenings/{screeningId}/tlp': { tlp: 'CLEAR' },
  'POST /api/v1/exports/{exportId}/decision': { approve: true },
};
Object.assign(bodies, protectionBodies);
Object.assign(bodies, entityBodies);
Object.assign(bodies, scanSupportBodies);
Object.assign(bodies, screeningBodies);
Object.assign(bodies, {
  'POST /api/v1/pois/{poiId}/entity-links': { datasetId: '00000000-0000-4000-8000-0000000da7a5', entityId: 'x' },
});

// Bodies that are valid apart from naming organisation B's record, so the refusal is about tenancy.
function validBody(method: string, path: string): unknown {
  const grantCreationPaths = [
    '/api/v1/incidents/{incidentId}/grants',
    '/api/v1/officeholders/{officeholderId}/grants',
    '/api/v1/pois/{poiId}/grants',
  ];
  if (grantCreationPaths.includes(path) && method === 'POST') {
    return {
      granteeOrganisationId: a.org.id,
      namedUserIds: [a.adviserUser.id],
      purpose: 'riec_casus',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      parts: ['kern', 'details'],
      expiresAt: '2027-01-01T00:00:00Z',
    };
  }
  return bodies[`${method} ${path}`] ?? (method === 'POST' ? {} : undefined);
}

const boundary = 'tenancyboundary';
function multipartPng(): Buffer {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

// Routes that by design answer about another organisation, with what they may show.
const crossOrganisationDirectory: Record<string, (body: string) => void> = {
  // The sharing directory: display names of another organisation's people, nothing else.
  'GET /api/v1/share-targets/{organisationId}/users': (body) => {
    for (const person of JSON.parse(body) as Record<string, unknown>[])
      expect(Object.keys(person).sort()).toEqual(['displayName', 'id']);
  },
};

async function routesWithIds(): Promise<{ method: string; path: string }[]> {
  const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  return Object.entries(doc.paths)
    .filter(([path]) => path.includes('{'))
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
}

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no id for ${name}: add it to the tenancy test`);
    return id;
  });
}

describe.each(['adviseur@tilburg.test', 'wethouder@tilburg.test', 'beheer@tilburg.test', 'fg@tilburg.test'])(
  'as %s of organisation A',
  (email) => {
    let client: Client;
    beforeAll(async () => {
      client = await login(t, email);
    });

    it('gets 404 or 403 from every route that names a record of organisation B, and never its data', async () => {
      const routes = await routesWithIds();
      expect(routes.length).toBeGreaterThanOrEqual(8);
      for (const { method, path } of routes) {
        const res =
          path.endsWith('/attachments') && method === 'POST'
            ? await client.request('POST', fill(path), multipartPng(), {
                'content-type': `multipart/form-data; boundary=${boundary}`,
              })
            : await client.request(method as 'GET', fill(path), validBody(method, path));
        const directory = crossOrganisationDirectory[`${method} ${path}`];
        if (directory && res.statusCode === 200) {
          directory(res.body);
          continue;
        }
        expect([403, 404], `${method} ${path} answered ${res.statusCode}: ${res.body.slice(0, 200)}`).toContain(
          res.statusCode,
        );
        expect(res.body).not.toContain(secretText);
      }
    });

    it('never lists a row of organisation B', async () => {
      for (const url of [
        '/api/v1/incidents',
        `/api/v1/incidents?officeholderId=${b.wethouder.id}`,
        '/api/v1/officeholders',
        '/api/v1/users',
        '/api/v1/datasets',
        '/api/v1/entities?q=geheim',
        '/api/v1/screenings',
        `/api/v1/users?organisationId=${b.org.id}`,
      ]) {
        const res = await client.get(url);
        expect(res.body).not.toContain(secretText);
        expect(res.body).not.toContain(b.wethouder.id);
        expect(res.body).not.toContain('breda.test');
      }
    });
  },
);

describe('organisation B afterwards', () => {
  it('is unchanged', async () => {
    const bClient = await login(t, 'adviseur@breda.test');
    const incident = (await bClient.get(`/api/v1/incidents/${ids['incidentId']}`)).json();
    expect(incident).toMatchObject({ version: 1, summary: secretText, status: 'gemeld' });
    expect(incident.attachments).toHaveLength(1);
    expect((await bClient.get(`/api/v1/officeholders/${ids['officeholderId']}`)).json().fullName).toBe(
      'Wethouder breda',
    );
    const user = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', ids['userId'] ?? '')
      .executeTakeFirstOrThrow();
    expect(user.active).toBe(1);
    expect((await bClient.get('/api/v1/me/api-tokens')).json()[0].revokedAt).toBeNull();
    expect((await bClient.get('/api/v1/exports')).json()[0].status).toBe('pending');
    const grants = (await bClient.get(`/api/v1/incidents/${ids['incidentId']}/grants`)).json();
    expect(grants).toHaveLength(1);
    expect(grants[0].status).toBe('active');
    expect(incident.tlp).toBe('AMBER');
  });
});
