import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { actingAs, buildIncident, buildOfficeholder, buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import type { Role } from '../src/platform/access/roles.js';
import { addAttachment } from '../src/modules/incidents/incident-attachments.service.js';
import { shareIncident } from '../src/modules/incidents/incident-sharing.service.js';
import { shareOfficeholder } from '../src/modules/officeholders/officeholder-sharing.service.js';
import { createOfficeholder } from '../src/modules/officeholders/officeholders.service.js';
import { revokeGrant } from '../src/modules/sharing/sharing.service.js';
import type { RequestContext } from '../src/platform/context.js';
import { familyOf } from './support/authorization-matrix.js';

type Relation = 'own' | 'other' | 'shared' | 'revoked' | 'expired';
type MatrixRow = { route: string } & Partial<Record<Relation, Role[]>>;
const matrix = JSON.parse(fs.readFileSync(new URL('./authorization-matrix.json', import.meta.url), 'utf8')) as {
  roles: Role[];
  relations: Relation[];
  routes: MatrixRow[];
};

const secret = 'R. de Groot, Kerkstraat 1 (dader)';
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
let t: TestApp;
let owner: RequestContext;
let officeholderId: string;
let orgIds: Record<'own' | 'grantee' | 'other', string>;
const clients = new Map<string, Client>();

beforeAll(async () => {
  t = await createTestApp();
  orgIds = {
    own: (await buildOrganisation(t.ctx, { slug: 'eigenaar' })).id,
    grantee: (await buildOrganisation(t.ctx, { slug: 'ontvanger', type: 'riec' })).id,
    other: (await buildOrganisation(t.ctx, { slug: 'buitenstaander', type: 'politie' })).id,
  };
  const ownerUser = await buildUser(t.ctx, orgIds.own, ['oov_adviseur'], { email: 'eigenaar@matrix.test' });
  owner = await actingAs(t.ctx, ownerUser.id);
  officeholderId = (await buildOfficeholder(owner)).id;
  for (const [place, orgId] of Object.entries(orgIds)) {
    for (const role of matrix.roles) {
      const email = `${role}@${place}.matrix.test`;
      await buildUser(t.ctx, orgId, [role], { email });
      clients.set(`${place}:${role}`, await login(t, email));
    }
  }
}, 120_000);
afterAll(async () => t.close());

/** A fresh incident with an attachment and, per relation, a grant to the grantee organisation. */
let arranged = 0;
type Arranged = Record<string, string> & { recordId: string; grantId: string; summary: string };
async function arrange(relation: Relation, route: string): Promise<Arranged> {
  if (route.startsWith('GET /api/v1/officeholders') || route.includes('/officeholders/')) {
    return arrangeOfficeholder(relation);
  }
  const summary = `Matrix-incident ${++arranged}`;
  const incident = await buildIncident(owner, officeholderId, { knownPerpetrators: secret, summary });
  const attachment = await addAttachment(owner, incident.id, {
    fileName: 'a.png',
    contentType: 'image/png',
    data: png,
  });
  const expiresAt = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  const grant = await shareIncident(owner, incident.id, {
    granteeOrganisationId: orgIds.grantee,
    namedUserIds: [],
    purpose: 'riec_casus',
    legalBasis: 'art. 6 lid 1 sub e AVG',
    parts: ['kern', 'details'],
    expiresAt,
  });
  await settle(relation, grant.id);
  return { recordId: incident.id, incidentId: incident.id, attachmentId: attachment.id, grantId: grant.id, summary };
}

/** A fresh officeholder (home address = the secret) shared for kern+contact, revoked or expired per relation. */
async function arrangeOfficeholder(relation: Relation): Promise<Arranged> {
  const summary = `Matrix-ambtsdrager ${++arranged}`;
  const holder = await createOfficeholder(owner, { fullName: summary, office: 'wethouder', homeAddress: secret });
  const grant = await shareOfficeholder(owner, holder.id, {
    granteeOrganisationId: orgIds.grantee,
    namedUserIds: [],
    purpose: 'uitvoering_beveiligingsmaatregel',
    legalBasis: 'art. 6 lid 1 sub e AVG',
    parts: ['kern', 'contact'],
    expiresAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
  });
  await settle(relation, grant.id);
  return { recordId: holder.id, officeholderId: holder.id, grantId: grant.id, summary };
}

/** Leaves the grant live ('shared'), revokes it, or lets it expire. */
async function settle(relation: Relation, grantId: string): Promise<void> {
  if (relation !== 'shared') await revokeGrant(owner, grantId);
  if (relation === 'expired') {
    await t.ctx.db
      .updateTable('grants')
      .set({ revoked_at: null, expires_at: t.clock.now().toISOString() })
      .where('id', '=', grantId)
      .execute();
  }
}

function request(route: string, ids: Record<string, string>) {
  const [method, path] = route.split(' ') as [string, string];
  const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? '');
  const bodies: Record<string, unknown> = {
    'PATCH /api/v1/incidents/{incidentId}': { version: 1, severity: 1 },
    'POST /api/v1/incidents/{incidentId}/status': { status: 'in_behandeling', version: 1 },
    'POST /api/v1/incidents/{incidentId}/grants': {
      granteeOrganisationId: orgIds.other,
      purpose: 'riec_casus',
      legalBasis: 'art. 6 AVG',
      parts: ['kern'],
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    },
    'PUT /api/v1/incidents/{incidentId}/tlp': { tlp: 'GREEN' },
    'PATCH /api/v1/officeholders/{officeholderId}': { fullName: 'Overschreven' },
    'POST /api/v1/officeholders/{officeholderId}/grants': {
      granteeOrganisationId: orgIds.other,
      purpose: 'riec_casus',
      legalBasis: 'art. 6 AVG',
      parts: ['kern'],
      expiresAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    },
    'PUT /api/v1/officeholders/{officeholderId}/tlp': { tlp: 'GREEN' },
    'POST /api/v1/access-reasons': { recordType: 'incident', recordId: ids['incidentId'], purpose: 'riec_casus' },
  };
  return { method, url, body: bodies[route] };
}

async function attempt(client: Client, route: string, ids: Record<string, string>) {
  const { method, url, body } = request(route, ids);
  if (route.endsWith('/attachments')) {
    const boundary = 'matrix';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return client.request('POST', url, payload, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  }
  if (route === 'GET /api/v1/incidents/{incidentId}') {
    await client.post('/api/v1/access-reasons', {
      recordType: 'incident',
      recordId: ids['incidentId'],
      purpose: 'riec_casus',
    });
  }
  if (route === 'GET /api/v1/officeholders/{officeholderId}') {
    await client.post('/api/v1/access-reasons', {
      recordType: 'officeholder',
      recordId: ids['officeholderId'],
      purpose: 'uitvoering_beveiligingsmaatregel',
    });
  }
  return client.request(method as 'GET', url, body);
}

const placeOf = (relation: Relation): 'own' | 'grantee' | 'other' =>
  relation === 'own' ? 'own' : relation === 'other' ? 'other' : 'grantee';

describe('authorisation matrix', () => {
  it('covers every route of the shared record types the API offers', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const sharedTypes =
      /^\/api\/v1\/(incidents|grants|access-reasons|datasets|entities|entity-flags|match-decisions|screenings|pois|support-requests)(\/|$)/;
    const offered = Object.entries(doc.paths)
      .filter(
        ([path]) =>
          sharedTypes.test(path) || /^\/api\/v1\/officeholders(\/\{officeholderId\}(\/grants|\/tlp)?)?$/.test(path),
      )
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const inMatrix = matrix.routes.map((r) => r.route);
    const creations = [
      'POST /api/v1/incidents',
      'POST /api/v1/officeholders',
      'POST /api/v1/datasets',
      'POST /api/v1/screenings',
      'POST /api/v1/pois',
      'POST /api/v1/support-requests',
    ];
    expect(offered.filter((r) => !inMatrix.includes(r)).filter((r) => !creations.includes(r))).toEqual([]);
    // Every row is run by one of the matrix test files.
    expect(matrix.routes.filter((r) => !familyOf(r)).map((r) => r.route)).toEqual([]);
  });

  for (const row of matrix.routes.filter((r) => familyOf(r) === 'incidents')) {
    for (const relation of matrix.relations) {
      it(`${row.route} as each role, ${relation}`, async () => {
        const failures: string[] = [];
        for (const role of matrix.roles) {
          const ids = await arrange(relation, row.route);
          const client = clients.get(`${placeOf(relation)}:${role}`);
          if (!client) throw new Error('no client');
          const res = await attempt(client, row.route, ids);
          const isExpected = (row[relation] ?? []).includes(role);
          const isList = row.route === 'GET /api/v1/incidents' || row.route === 'GET /api/v1/officeholders';
          const isListed = isList && res.statusCode === 200 && res.body.includes(ids.recordId);
          const isAllowed = isList ? isListed : res.statusCode < 300;
          if (isAllowed !== isExpected)
            failures.push(`${role}: expected ${isExpected ? 'allowed' : 'refused'}, got ${res.statusCode}`);
          if (!isAllowed && res.statusCode < 300 && !isList) failures.push(`${role}: refused with ${res.statusCode}`);
          if (!isAllowed && res.body.includes(`${ids.summary}"`))
            failures.push(`${role}: leaked the record in a refusal`);
          if (relation !== 'own' && res.body.includes(secret)) failures.push(`${role}: leaked a masked field`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
