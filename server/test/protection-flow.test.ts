import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runDueJobs } from '../src/platform/jobs/job-runner.js';

// The "Done when": a third threatening incident within a month raises the advice to hoog,
// the adviser confirms, the plan reopens with camera and alarm forwarding, the security company gets
// a masked work order, the owner is told by mail and webhook, and the overdue review tops the board.

type Mail = { to: string[]; data: string };
type Delivery = { headers: http.IncomingHttpHeaders; body: string; status: number };

const mails: Mail[] = [];
const deliveries: Delivery[] = [];
let smtp: SMTPServer;
let hookServer: http.Server;
let t: TestApp;
let m: Municipality;
let adviser: Client;
let securityOrgId: string;
let webhookSecret: string;

const familyName = 'Sanne Verbeek-Geheim';
const incidentSummary = 'Dreigbrief bezorgd op het stadskantoor';

async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return (smtp.server.address() as AddressInfo).port;
}

// The first delivery fails on purpose so the queue has to retry it.
async function startWebhookReceiver(): Promise<number> {
  hookServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const status = deliveries.length === 0 ? 500 : 204;
      deliveries.push({ headers: req.headers, body, status });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
  return (hookServer.address() as AddressInfo).port;
}

beforeAll(async () => {
  const smtpPort = await startSmtp();
  const hookPort = await startWebhookReceiver();
  t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  m = await municipality(t, 'tilburg');
  const security = await buildOrganisation(t.ctx, {
    slug: 'veilig-bv',
    name: 'Veilig BV',
    type: 'beveiligingsbedrijf',
  });
  securityOrgId = security.id;
  await buildUser(t.ctx, security.id, ['security_provider'], { email: 'monteur@veilig.test' });
  adviser = await login(t, 'adviseur@tilburg.test');
  const hook = await adviser.post('/api/v1/webhooks', {
    url: `http://127.0.0.1:${hookPort}/weerbaar`,
    description: 'SOC',
  });
  expect(hook.statusCode, hook.body).toBe(201);
  webhookSecret = hook.json().secret;
});

afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => hookServer.close(() => resolve()));
});

const incident = (occurredAt: string, overrides: Record<string, unknown> = {}) => ({
  officeholderId: m.wethouder.id,
  occurredAt,
  forms: ['bedreiging_intimidatie'],
  channel: 'letter',
  severity: 3,
  summary: incidentSummary,
  ...overrides,
});

const assessment = (decidedLevel: string, overrides: Record<string, unknown> = {}) => ({
  decidedLevel,
  product: 'dreigingsinschatting',
  authority: 'burgemeester',
  validUntil: '2027-06-01',
  factors: { grievance: 'present', access_to_weapons: 'absent' },
  ...overrides,
});

describe('the adaptive protection flow', () => {
  let securityCompany: Client;

  it('prepares a plan with the security company, the home address and the household', async () => {
    const plan = await adviser.request('PUT', `/api/v1/officeholders/${m.wethouder.id}/measure-plan`, {
      executingOrganisationId: securityOrgId,
      contact: { name: 'Veiligheidsadviseur gemeente', phone: '14 013' },
      homeAddress: { street: 'Lindenlaan', houseNumber: '12', postcode: '5000 AB', city: 'Tilburg' },
      household: [{ name: familyName, relation: 'echtgenote' }],
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({ ownerUserId: m.adviserUser.id, household: [{ name: familyName }] });
  });

  it('asks for re-assessment on every new incident and advises verhoogd after two', async () => {
    for (const at of ['2026-10-12T19:00:00Z', '2026-10-22T19:00:00Z']) {
      expect((await adviser.post('/api/v1/incidents', incident(at))).statusCode).toBe(201);
    }
    const tasks = (await adviser.get('/api/v1/tasks?status=open')).json();
    expect(tasks.filter((x: { kind: string }) => x.kind === 'reassess_threat')).toHaveLength(1);
    const advice = await adviser.post(`/api/v1/officeholders/${m.wethouder.id}/threat-advice`, {});
    expect(advice.json().level).toBe('verhoogd');
    const decided = await adviser.post(
      `/api/v1/officeholders/${m.wethouder.id}/threat-assessments`,
      assessment('verhoogd'),
    );
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json().planChange.direction).toBe('up');
    const after = (await adviser.get('/api/v1/tasks?status=open')).json();
    expect(after.some((x: { kind: string }) => x.kind === 'reassess_threat')).toBe(false);
  });

  it('advises hoog after a third threatening incident within a month, and says why', async () => {
    t.clock.advance(60_000);
    expect((await adviser.post('/api/v1/incidents', incident('2026-11-01T20:00:00Z'))).statusCode).toBe(201);
    const tasks = (await adviser.get('/api/v1/tasks?status=open')).json();
    expect(tasks.find((x: { kind: string }) => x.kind === 'reassess_threat')?.title_nl).toContain('nieuw');
    const advice = (await adviser.post(`/api/v1/officeholders/${m.wethouder.id}/threat-advice`, {})).json();
    expect(advice.level).toBe('hoog');
    expect(advice.summary_nl).toContain('hoog');
    expect(advice.incidentsConsidered).toHaveLength(3);
    const refs = advice.contributions.map((c: { ref: string }) => c.ref);
    expect(refs).toEqual(expect.arrayContaining(['frequency', 'grievance']));
    expect(advice.contributions.every((c: { explanation_nl: string }) => c.explanation_nl.length > 0)).toBe(true);
  });

  it('reopens the plan at once when the adviser confirms hoog', async () => {
    const res = await adviser.post(`/api/v1/officeholders/${m.wethouder.id}/threat-assessments`, assessment('hoog'));
    expect(res.statusCode, res.body).toBe(201);
    const { assessment: stored, planChange } = res.json();
    expect(stored).toMatchObject({ decidedLevel: 'hoog', direction: 'same', decisionReason: null });
    expect(stored.advice.level).toBe('hoog');
    expect(planChange.direction).toBe('up');
    expect(planChange.proposedCodes).toEqual(expect.arrayContaining(['W-CAMERA', 'W-ALARM-DOORMELDING']));
    expect(planChange.taskId).toEqual(expect.any(String));
    const task = (await adviser.get('/api/v1/tasks?status=open'))
      .json()
      .find((x: { id: string }) => x.id === planChange.taskId);
    expect(task).toMatchObject({ kind: 'act_on_raised_level', isOverdue: false });
    // hoog gives the owner three days (the engine's plan configuration).
    expect(Date.parse(task.dueAt) - t.clock.now().getTime()).toBe(3 * 86_400_000);
    const plan = (await adviser.get(`/api/v1/officeholders/${m.wethouder.id}/measure-plan`)).json();
    expect(plan.currentLevel).toBe('hoog');
    const alarm = plan.measures.find((x: { code: string }) => x.code === 'W-ALARM-DOORMELDING');
    expect(alarm).toMatchObject({
      status: 'voorgesteld',
      executingOrganisationId: securityOrgId,
      decidingAuthority: 'burgemeester',
    });
    expect(alarm.workOrder).toMatchObject({ progress: 'ontvangen' });
    const history = (await adviser.get(`/api/v1/officeholders/${m.wethouder.id}/threat-assessments`)).json();
    expect(history.map((h: { decidedLevel: string }) => h.decidedLevel)).toEqual(['hoog', 'verhoogd']);
  });

  it('gives the security company work orders without family or incident details, the address only while active', async () => {
    securityCompany = await login(t, 'monteur@veilig.test');
    const res = await securityCompany.get('/api/v1/work-orders');
    expect(res.statusCode, res.body).toBe(200);
    const codes = res.json().map((w: { measureCode: string }) => w.measureCode);
    expect(codes).toEqual(expect.arrayContaining(['W-CAMERA', 'W-ALARM-DOORMELDING']));
    for (const secret of [familyName, 'echtgenote', incidentSummary, 'Lindenlaan', m.wethouder.id]) {
      expect(res.body).not.toContain(secret);
    }
    const alarm = res.json().find((w: { measureCode: string }) => w.measureCode === 'W-ALARM-DOORMELDING');
    expect(alarm).toMatchObject({ stage: 'voorbereiding', address: null, recipientName: 'Wethouder tilburg' });
    expect(Object.keys(alarm).sort()).toEqual(
      [
        'address',
        'contact',
        'createdAt',
        'description_en',
        'description_nl',
        'dueAt',
        'executor',
        'id',
        'measureCode',
        'measureId',
        'name_en',
        'name_nl',
        'progress',
        'progressNote',
        'recipientName',
        'stage',
        'updatedAt',
      ].sort(),
    );

    const base = `/api/v1/officeholders/${m.wethouder.id}/measure-plan/measures/${alarm.measureId}/status`;
    for (const status of ['besloten', 'in_uitvoering'])
      expect((await adviser.post(base, { status })).statusCode).toBe(200);
    const during = (await securityCompany.get('/api/v1/work-orders')).json();
    expect(during.find((w: { id: string }) => w.id === alarm.id).address).toMatchObject({ street: 'Lindenlaan' });

    const progress = await securityCompany.patch(`/api/v1/work-orders/${alarm.id}`, {
      progress: 'ingepland',
      note: 'Montage dinsdag',
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ progress: 'ingepland', stage: 'uitvoering' });
    const plan = (await adviser.get(`/api/v1/officeholders/${m.wethouder.id}/measure-plan`)).json();
    expect(plan.measures.find((x: { id: string }) => x.id === alarm.measureId).workOrder.progress).toBe('ingepland');
  });

  it('delivers the notifications over SMTP and a signed webhook that is retried after a failure', async () => {
    const first = await runDueJobs(t.ctx);
    expect(first.retried).toBe(1);
    t.clock.advance(31_000);
    const second = await runDueJobs(t.ctx);
    expect(second).toMatchObject({ succeeded: 1, failed: 0, retried: 0 });

    const reopened = mails.find((x) => x.data.includes('Maatregelenplan heropend: dreigingsniveau hoog'));
    expect(reopened?.to).toEqual(['adviseur@tilburg.test']);
    expect(reopened?.data).not.toContain(familyName);

    const failed = deliveries[0];
    expect(failed?.status).toBe(500);
    const retry = deliveries.filter((d) => d.headers['x-weerbaar-delivery'] === failed?.headers['x-weerbaar-delivery']);
    expect(retry.map((d) => d.status)).toEqual([500, 204]);
    for (const d of deliveries) {
      const expected = `sha256=${createHmac('sha256', webhookSecret).update(d.body).digest('hex')}`;
      expect(d.headers['x-weerbaar-signature']).toBe(expected);
    }
    const events = deliveries.map((d) => JSON.parse(d.body) as { event: string; data: { title_nl?: string } });
    expect(events.some((e) => e.data.title_nl === 'Maatregelenplan heropend: dreigingsniveau hoog')).toBe(true);
    expect(deliveries.map((d) => d.body).join()).not.toContain(familyName);
  });

  it('shows the overdue review first on the threat board', async () => {
    t.clock.advance(100 * 86_400_000);
    adviser = await login(t, 'adviseur@tilburg.test');
    securityCompany = await login(t, 'monteur@veilig.test');
    const board = await adviser.get('/api/v1/threat-board');
    expect(board.statusCode, board.body).toBe(200);
    const [top, ...rest] = board.json();
    expect(top).toMatchObject({
      officeholderId: m.wethouder.id,
      currentLevel: 'hoog',
      previousLevel: 'verhoogd',
      trend: 'up',
      isReviewOverdue: true,
    });
    expect(rest.map((r: { officeholderId: string }) => r.officeholderId)).toContain(m.raadslid.id);
    expect((await securityCompany.get('/api/v1/threat-board')).statusCode).toBe(403);
  });
});
