import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident, buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { addAttachment } from '../src/modules/incidents/incident-attachments.service.js';

let t: TestApp;
let m: Municipality;
let adviser: Client;
let incidentId: string;
let orgs: Record<'riec' | 'politie' | 'beveiliging', string>;

const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const grantBody = (granteeOrganisationId: string, parts: string[], extra: Record<string, unknown> = {}) => ({
  granteeOrganisationId,
  purpose: 'aangifte_en_opsporing',
  legalBasis: 'art. 6 lid 1 sub e AVG; ELA-afspraken',
  parts,
  expiresAt: '2026-12-31T23:00:00Z',
  ...extra,
});

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  orgs = {
    riec: (await buildOrganisation(t.ctx, { slug: 'riec', type: 'riec' })).id,
    politie: (await buildOrganisation(t.ctx, { slug: 'politie', type: 'politie' })).id,
    beveiliging: (await buildOrganisation(t.ctx, { slug: 'beveiliging', type: 'beveiligingsbedrijf' })).id,
  };
  await buildUser(t.ctx, orgs.riec, ['riec_analyst'], { email: 'analist@riec.test' });
  await buildUser(t.ctx, orgs.politie, ['police_liaison'], { email: 'liaison@politie.test' });
  await buildUser(t.ctx, orgs.politie, ['police_liaison'], { email: 'collega@politie.test' });
  await buildUser(t.ctx, orgs.beveiliging, ['security_provider'], { email: 'monteur@beveiliging.test' });
  const incident = await buildIncident(m.rc, m.wethouder.id, {
    summary: 'Dreigbrief thuis bezorgd',
    description: 'Brief in de bus met foto van de kinderen',
    knownPerpetrators: 'R. de Groot, Kerkstraat 1',
    perpetratorType: 'resident_with_grievance',
    policeReference: '2026-ZWB-4711',
    vptCodes: ['VPT'],
  });
  await addAttachment(m.rc, incident.id, { fileName: 'brief.png', contentType: 'image/png', data: png });
  incidentId = incident.id;
  adviser = await login(t, 'adviseur@tilburg.test');
});
afterEach(async () => t.close());

async function openAs(client: Client, purpose = 'riec_casus') {
  const first = await client.get(`/api/v1/incidents/${incidentId}`);
  if (first.statusCode !== 428) return first;
  const given = await client.post('/api/v1/access-reasons', { recordType: 'incident', recordId: incidentId, purpose });
  expect(given.statusCode, given.body).toBe(204);
  return client.get(`/api/v1/incidents/${incidentId}`);
}

describe('need-to-know sharing of an incident', () => {
  it('gives the RIEC, the police and the security company each exactly their part, and nothing else', async () => {
    expect(
      (
        await adviser.post(
          `/api/v1/incidents/${incidentId}/grants`,
          grantBody(orgs.riec, ['details'], { purpose: 'riec_casus' }),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await adviser.post(
          `/api/v1/incidents/${incidentId}/grants`,
          grantBody(orgs.politie, ['dader', 'opvolging', 'bijlagen']),
        )
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await adviser.post(
          `/api/v1/incidents/${incidentId}/grants`,
          grantBody(orgs.beveiliging, ['kern'], { purpose: 'uitvoering_beveiligingsmaatregel' }),
        )
      ).statusCode,
    ).toBe(201);

    const riec = await openAs(await login(t, 'analist@riec.test'));
    expect(riec.statusCode, riec.body).toBe(200);
    expect(riec.json()).toMatchObject({
      summary: 'Dreigbrief thuis bezorgd',
      description: 'Brief in de bus met foto van de kinderen',
      knownPerpetrators: null,
      policeReference: null,
      attachments: null,
    });
    expect(riec.json().access).toMatchObject({ via: 'grant', purpose: 'riec_casus', sharedBy: 'Gemeente tilburg' });

    const police = await openAs(await login(t, 'liaison@politie.test'), 'aangifte_en_opsporing');
    expect(police.json()).toMatchObject({
      knownPerpetrators: 'R. de Groot, Kerkstraat 1',
      policeReference: '2026-ZWB-4711',
      description: null,
    });
    expect(police.json().attachments).toHaveLength(1);
    const security = await openAs(await login(t, 'monteur@beveiliging.test'), 'uitvoering_beveiligingsmaatregel');
    expect(security.json()).toMatchObject({
      summary: 'Dreigbrief thuis bezorgd',
      description: null,
      knownPerpetrators: null,
      attachments: null,
    });
    expect(security.body).not.toContain('Kerkstraat');
    expect(security.json().access.masked).toEqual(
      expect.arrayContaining(['knownPerpetrators', 'description', 'attachments']),
    );
  });

  it('asks the reason once per record per session and keeps it with the access', async () => {
    await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.politie, ['dader']));
    const liaison = await login(t, 'liaison@politie.test');
    const asked = await liaison.get(`/api/v1/incidents/${incidentId}`);
    expect(asked.statusCode).toBe(428);
    expect(asked.json().error).toBe('reason_required');
    await liaison.post('/api/v1/access-reasons', {
      recordType: 'incident',
      recordId: incidentId,
      purpose: 'aangifte_en_opsporing',
      note: 'aangifte opnemen',
    });
    expect((await liaison.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(200);
    expect((await liaison.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(200);
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'incident.read')
      .where('object_id', '=', incidentId)
      .execute();
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.purpose === 'aangifte_en_opsporing')).toBe(true);
    const again = await login(t, 'liaison@politie.test');
    expect((await again.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(428);
  });

  it('shows the owner’s DPO who in another organisation opened the record, and why', async () => {
    await buildUser(t.ctx, m.org.id, ['dpo'], { email: 'fg@tilburg.test' });
    await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.politie, ['dader']));
    await openAs(await login(t, 'liaison@politie.test'), 'aangifte_en_opsporing');
    const dpo = await login(t, 'fg@tilburg.test');
    const seen = (
      await dpo.get(`/api/v1/audit/events?objectType=incident&objectId=${incidentId}&action=incident.read`)
    ).json();
    expect(seen.items).toEqual([
      expect.objectContaining({
        actorOrganisation: expect.not.stringMatching(/tilburg/i),
        purpose: 'aangifte_en_opsporing',
        actor: expect.objectContaining({ displayName: expect.any(String) }),
      }),
    ]);
    const { verifyAuditLog } = await import('../src/platform/audit/audit-log.service.js');
    expect((await verifyAuditLog(t.ctx, {})).isValid).toBe(true);
  });

  it('lists shared incidents with their core only and never the sharer’s other incidents', async () => {
    await buildIncident(m.rc, m.raadslid.id, { summary: 'Niet gedeeld' });
    await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.riec, ['details']));
    const list = (await (await login(t, 'analist@riec.test')).get('/api/v1/incidents')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ id: incidentId, sharedBy: 'Gemeente tilburg', municipalProcess: null });
    expect(JSON.stringify(list)).not.toContain('Niet gedeeld');
  });

  it('stops at once when revoked or expired, and a grantee can never change or reshare', async () => {
    const grant = (
      await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.riec, ['details']))
    ).json();
    const analyst = await login(t, 'analist@riec.test');
    expect((await openAs(analyst)).statusCode).toBe(200);
    expect((await analyst.patch(`/api/v1/incidents/${incidentId}`, { version: 1, severity: 1 })).statusCode).toBe(403);
    expect(
      (await analyst.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.politie, ['kern']))).statusCode,
    ).toBe(403);
    expect((await analyst.get(`/api/v1/incidents/${incidentId}/events`)).statusCode).toBe(404);

    expect((await adviser.delete(`/api/v1/grants/${grant.id}`)).statusCode).toBe(204);
    expect((await analyst.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(404);
    expect((await analyst.get('/api/v1/incidents')).json().items).toEqual([]);

    await adviser.post(
      `/api/v1/incidents/${incidentId}/grants`,
      grantBody(orgs.riec, ['details'], { expiresAt: '2026-11-03T09:00:00Z' }),
    );
    expect((await analyst.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(200);
    t.clock.set(new Date('2026-11-03T09:00:01Z'));
    const later = await login(t, 'analist@riec.test');
    expect((await later.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(404);
    const laterAdviser = await login(t, 'adviseur@tilburg.test');
    const grants = (await laterAdviser.get(`/api/v1/incidents/${incidentId}/grants`)).json();
    expect(grants.map((g: { status: string }) => g.status).sort()).toEqual(['expired', 'revoked']);
  });

  it('shares TLP:RED only with named people, inside and outside the organisation', async () => {
    expect((await adviser.request('PUT', `/api/v1/incidents/${incidentId}/tlp`, { tlp: 'RED' })).statusCode).toBe(204);
    const orgWide = await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.politie, ['dader']));
    expect(orgWide.statusCode).toBe(400);
    expect(orgWide.json().issues[0].path).toBe('namedUserIds');
    const liaisonId = (
      await t.ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'liaison@politie.test')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await adviser.post(
          `/api/v1/incidents/${incidentId}/grants`,
          grantBody(orgs.politie, ['dader'], { namedUserIds: [liaisonId] }),
        )
      ).statusCode,
    ).toBe(201);
    expect((await openAs(await login(t, 'liaison@politie.test'), 'aangifte_en_opsporing')).statusCode).toBe(200);
    expect((await (await login(t, 'collega@politie.test')).get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(
      404,
    );

    // Inside the organisation a RED incident shows to its reporter and subject, and to named colleagues only.
    await buildUser(t.ctx, m.org.id, ['oov_adviseur'], { email: 'collega@tilburg.test' });
    const colleague = await login(t, 'collega@tilburg.test');
    expect((await colleague.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(404);
    expect((await colleague.get('/api/v1/incidents')).json().total).toBe(0);
    const wethouder = await login(t, 'wethouder@tilburg.test');
    expect((await wethouder.get(`/api/v1/incidents/${incidentId}`)).statusCode).toBe(200);
  });

  it('refuses raising to RED while organisation-wide grants are live, and bad grants with the field', async () => {
    await adviser.post(`/api/v1/incidents/${incidentId}/grants`, grantBody(orgs.riec, ['details']));
    expect((await adviser.request('PUT', `/api/v1/incidents/${incidentId}/tlp`, { tlp: 'RED' })).statusCode).toBe(409);
    const cases: [Record<string, unknown>, string][] = [
      [grantBody(orgs.riec, ['alles']), 'parts'],
      [grantBody(orgs.riec, ['kern'], { expiresAt: '2026-01-01T00:00:00Z' }), 'expiresAt'],
      [grantBody(orgs.riec, ['kern'], { expiresAt: '2030-01-01T00:00:00Z' }), 'expiresAt'],
      [grantBody('00000000-0000-4000-8000-000000000000', ['kern']), 'granteeOrganisationId'],
      [grantBody(orgs.riec, ['kern'], { purpose: 'nieuwsgierigheid' }), 'body.purpose'],
      [grantBody(orgs.riec, ['kern'], { legalBasis: '' }), 'body.legalBasis'],
      [grantBody(orgs.riec, ['kern'], { namedUserIds: [m.adviserUser.id] }), 'namedUserIds.0'],
    ];
    for (const [body, path] of cases) {
      const res = await adviser.post(`/api/v1/incidents/${incidentId}/grants`, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().issues[0].path).toBe(path);
    }
  });
});
