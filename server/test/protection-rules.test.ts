import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident, buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runDueJobs } from '../src/platform/jobs/job-runner.js';
import { scheduleDailyJobs } from '../src/platform/jobs/job-handlers.js';

// Bad input answers 4xx with the field path and writes nothing; another organisation gets 404;
// persons of interest carry their fixation history; factors and expiry ask for re-assessment.

let t: TestApp;
let a: Municipality;
let b: Municipality;
let adviser: Client;
let otherAdviser: Client;
let securityOrgId: string;

beforeAll(async () => {
  t = await createTestApp();
  a = await municipality(t, 'tilburg');
  b = await municipality(t, 'breda');
  const security = await buildOrganisation(t.ctx, { slug: 'wacht-bv', type: 'beveiligingsbedrijf' });
  securityOrgId = security.id;
  await buildUser(t.ctx, security.id, ['security_provider'], { email: 'monteur@wacht.test' });
  const other = await buildOrganisation(t.ctx, { slug: 'ander-bv', type: 'beveiligingsbedrijf' });
  await buildUser(t.ctx, other.id, ['security_provider'], { email: 'monteur@ander.test' });
  adviser = await login(t, 'adviseur@tilburg.test');
  otherAdviser = await login(t, 'adviseur@breda.test');
});
afterAll(async () => t.close());

const assessmentsUrl = () => `/api/v1/officeholders/${a.raadslid.id}/threat-assessments`;
const valid = {
  decidedLevel: 'laag',
  product: 'dreigingsmelding',
  authority: 'burgemeester',
  validUntil: '2027-03-01',
};
const pathsOf = (body: { issues?: { path: string }[] }) => (body.issues ?? []).map((i) => i.path);

describe('bad input on assessments', () => {
  it.each([
    ['an invalid level', { ...valid, decidedLevel: 'extreem' }, 'body.decidedLevel'],
    ['an unknown factor', { ...valid, factors: { telepathy: 'present' } }, 'body.factors.telepathy'],
    ['an invalid factor status', { ...valid, factors: { fixation: 'maybe' } }, 'body.factors.fixation'],
    ['an unknown product', { ...valid, product: 'voorspelling' }, 'body.product'],
    ['dates in the wrong order', { ...valid, validFrom: '2027-03-02', validUntil: '2027-03-01' }, 'validUntil'],
    ['a decision differing from the advice without reason', { ...valid, decidedLevel: 'acuut' }, 'decisionReason'],
  ])('refuses %s with the field path and writes nothing', async (_name, body, path) => {
    const res = await adviser.post(assessmentsUrl(), body);
    expect(res.statusCode, res.body).toBe(400);
    expect(pathsOf(res.json())).toContain(path);
    expect((await adviser.get(assessmentsUrl())).json()).toEqual([]);
    expect((await adviser.get(`/api/v1/officeholders/${a.raadslid.id}/measure-plan`)).statusCode).toBe(404);
  });

  it('accepts a differing decision with a reason and keeps both advice and reason', async () => {
    const res = await adviser.post(assessmentsUrl(), {
      ...valid,
      decidedLevel: 'verhoogd',
      decisionReason: 'Signaal politie',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().assessment).toMatchObject({ direction: 'higher', decisionReason: 'Signaal politie' });
    expect(res.json().assessment.advice.level).toBe('laag');
  });
});

describe('bad input on the measure plan', () => {
  const planUrl = () => `/api/v1/officeholders/${a.wethouder.id}/measure-plan`;

  it('refuses a disallowed status move and keeps the measure as it was', async () => {
    expect((await adviser.request('PUT', planUrl(), { executingOrganisationId: securityOrgId })).statusCode).toBe(200);
    const plan = (await adviser.post(`${planUrl()}/measures`, { code: 'W-CAMERA', costEuro: 1800 })).json();
    const camera = plan.measures.find((x: { code: string }) => x.code === 'W-CAMERA');
    const res = await adviser.post(`${planUrl()}/measures/${camera.id}/status`, { status: 'actief' });
    expect(res.statusCode).toBe(400);
    expect(pathsOf(res.json())).toEqual(['status']);
    expect(res.json().issues[0].message).toContain('skips a step');
    const after = (await adviser.get(planUrl())).json();
    expect(after.measures.find((x: { id: string }) => x.id === camera.id).status).toBe('voorgesteld');
  });

  it('refuses unknown codes, end before start and unknown organisations', async () => {
    const unknown = await adviser.post(`${planUrl()}/measures`, { code: 'W-SLOTGRACHT' });
    expect(pathsOf(unknown.json())).toEqual(['code']);
    const dates = await adviser.post(`${planUrl()}/measures`, {
      code: 'W-PANIEKKNOP',
      startDate: '2026-12-10',
      endDate: '2026-12-01',
    });
    expect(pathsOf(dates.json())).toEqual(['endDate']);
    const org = await adviser.request('PUT', planUrl(), {
      executingOrganisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(pathsOf(org.json())).toEqual(['executingOrganisationId']);
    const plan = (await adviser.get(planUrl())).json();
    expect(plan.measures.map((x: { code: string }) => x.code)).toEqual(['W-CAMERA']);
    expect(plan.executingOrganisationId).toBe(securityOrgId);
  });

  it('sums funding under the €2,400 cap per residence', async () => {
    const plan = (await adviser.post(`${planUrl()}/measures`, { code: 'W-ALARM-DOORMELDING', costEuro: 1500 })).json();
    for (const measure of plan.measures) {
      await adviser.post(`${planUrl()}/measures/${measure.id}/status`, { status: 'besloten' });
    }
    const funding = (await adviser.get(planUrl())).json().funding;
    expect(funding.capEuro).toBe(2400);
    expect(funding.totals).toMatchObject({ coveredEuro: 2400, exceedingEuro: 900 });
  });
});

describe('tenancy', () => {
  it('answers 404 for another organisation’s officeholder, plan, person of interest and work order', async () => {
    const poi = (await adviser.post('/api/v1/pois', { displayName: 'J. Onbekend' })).json();
    expect((await otherAdviser.get(`/api/v1/pois/${poi.id}`)).statusCode).toBe(404);
    expect((await otherAdviser.get(`/api/v1/officeholders/${a.wethouder.id}/measure-plan`)).statusCode).toBe(404);
    expect((await otherAdviser.post(`/api/v1/officeholders/${a.wethouder.id}/threat-advice`, {})).statusCode).toBe(404);
    expect(
      (await otherAdviser.post(`/api/v1/officeholders/${a.wethouder.id}/threat-assessments`, valid)).statusCode,
    ).toBe(404);
    expect((await otherAdviser.get('/api/v1/threat-board')).body).not.toContain(a.wethouder.id);
    const mine = await login(t, 'monteur@wacht.test');
    const orders = (await mine.get('/api/v1/work-orders')).json();
    expect(orders.length).toBeGreaterThan(0);
    const stranger = await login(t, 'monteur@ander.test');
    expect((await stranger.get('/api/v1/work-orders')).json()).toEqual([]);
    const patch = await stranger.patch(`/api/v1/work-orders/${orders[0].id}`, { progress: 'uitgevoerd' });
    expect(patch.statusCode).toBe(404);
    expect((await mine.get('/api/v1/work-orders')).json()[0].progress).toBe('ontvangen');
  });
});

describe('persons of interest', () => {
  it('links incidents with a role and shows fixation and escalation', async () => {
    const poi = (
      await adviser.post('/api/v1/pois', {
        displayName: 'Karel de Boze',
        names: ['K. de Boze'],
        birthDate: '1970-05-04',
        onlineHandles: [{ platform: 'X', handle: '@boos' }],
      })
    ).json();
    const steps = [
      { channel: 'social_media', severity: 2, occurredAt: '2026-09-01T10:00:00Z', forms: ['online_haat'] },
      { channel: 'email', severity: 3, occurredAt: '2026-09-20T10:00:00Z', forms: ['bedreiging_intimidatie'] },
      { channel: 'at_home', severity: 4, occurredAt: '2026-10-15T10:00:00Z', forms: ['bedreiging_intimidatie'] },
    ] as const;
    for (const step of steps) {
      const incident = await buildIncident(a.rc, a.wethouder.id, { ...step, forms: [...step.forms] });
      const link = await adviser.post(`/api/v1/pois/${poi.id}/incidents`, { incidentId: incident.id, role: 'dader' });
      expect(link.statusCode, link.body).toBe(200);
    }
    const history = (await adviser.get(`/api/v1/pois/${poi.id}/history`)).json();
    expect(history.officeholders).toEqual([
      expect.objectContaining({ officeholderId: a.wethouder.id, incidentCount: 3, maxSeverity: 4, isFixated: true }),
    ]);
    expect(history.escalation).toMatchObject({ severityTrend: 'rising', onlineToPhysical: true, approachedHome: true });
    expect((await adviser.get('/api/v1/pois?q=boze')).json()[0]).toMatchObject({ id: poi.id, incidentCount: 3 });
  });

  it('refuses links to other organisations’ incidents, future birth dates and foreign group members', async () => {
    const poi = (await adviser.post('/api/v1/pois', { displayName: 'Piet Test' })).json();
    const foreign = await buildIncident(b.rc, b.wethouder.id);
    const link = await adviser.post(`/api/v1/pois/${poi.id}/incidents`, { incidentId: foreign.id, role: 'dader' });
    expect(pathsOf(link.json())).toEqual(['incidentId']);
    const born = await adviser.post('/api/v1/pois', { displayName: 'Nog Niet Geboren', birthDate: '2099-01-01' });
    expect(pathsOf(born.json())).toEqual(['birthDate']);
    const foreignPoi = (await otherAdviser.post('/api/v1/pois', { displayName: 'Breda Persoon' })).json();
    const group = await adviser.post('/api/v1/poi-groups', { name: 'Groep', poiIds: [poi.id, foreignPoi.id] });
    expect(pathsOf(group.json())).toEqual(['poiIds']);
    expect((await adviser.get('/api/v1/poi-groups')).json()).toEqual([]);
  });
});

describe('re-assessment triggers', () => {
  it('asks for re-assessment when a factor changes', async () => {
    const res = await adviser.request('PUT', `/api/v1/officeholders/${a.raadslid.id}/threat-factors`, {
      factors: { direct_threat: 'present' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reassessmentReasons.map((r: { code: string }) => r.code)).toEqual(['factor_changed']);
    const tasks = (await adviser.get('/api/v1/tasks?status=open')).json();
    const task = tasks.find((x: { subjectId: string }) => x.subjectId === a.raadslid.id);
    expect(task).toMatchObject({ kind: 'reassess_threat' });
    const notes = (await adviser.get('/api/v1/notifications?unread=true')).json();
    const note = notes.find((n: { subjectId: string }) => n.subjectId === a.raadslid.id);
    expect(note.title_nl).toContain('urgent');
    expect((await adviser.post(`/api/v1/notifications/${note.id}/read`)).json().readAt).not.toBeNull();
    expect((await adviser.post(`/api/v1/tasks/${task.id}/complete`)).json().status).toBe('done');
  });

  it('opens one task from the daily job when an assessment is about to expire', async () => {
    const near = new Date(t.clock.now().getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
    const res = await adviser.post(assessmentsUrl(), {
      ...valid,
      decidedLevel: 'hoog',
      decisionReason: 'Directe bedreiging',
      validUntil: near,
    });
    expect(res.statusCode, res.body).toBe(201);
    for (let day = 0; day < 2; day += 1) {
      await scheduleDailyJobs(t.ctx);
      await scheduleDailyJobs(t.ctx);
      await runDueJobs(t.ctx);
      t.clock.advance(86_400_000);
    }
    const rows = await t.ctx.db
      .selectFrom('tasks')
      .selectAll()
      .where('subject_id', '=', a.raadslid.id)
      .where('status', '=', 'open')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.title_en).toContain('expires soon');
    const scans = await t.ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', 'threats.expiry_scan')
      .execute();
    expect(scans.map((s) => s.status)).toEqual(['done', 'done']);
  });
});
