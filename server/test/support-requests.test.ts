import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildOrganisation, buildUser } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runAsTenant } from '../src/platform/tenant-context.js';

// Support requests are confidential by default: the requester, the officeholder they are about,
// the support organisation and explicitly named people see them; the municipality's advisers do not.

let t: TestApp;
let a: Municipality;
let b: Municipality;
let supportOrgId: string;
let wethouder: Client;
let adviser: Client;
let colleague: Client;
let team: Client;
let otherAdviser: Client;
let requestId: string;
const summary = 'Zorgen om dochter na bedreiging aan de deur';

beforeAll(async () => {
  t = await createTestApp();
  a = await municipality(t, 'tilburg');
  b = await municipality(t, 'breda');
  supportOrgId = (await buildOrganisation(t.ctx, { type: 'ondersteuningsteam', name: 'Steunpunt Ambtsdragers' })).id;
  await buildUser(t.ctx, supportOrgId, ['support_team'], { email: 'team@steunpunt.test' });
  await buildUser(t.ctx, a.org.id, ['oov_adviseur'], { email: 'collega@tilburg.test' });
  wethouder = await login(t, 'wethouder@tilburg.test');
  adviser = await login(t, 'adviseur@tilburg.test');
  colleague = await login(t, 'collega@tilburg.test');
  team = await login(t, 'team@steunpunt.test');
  otherAdviser = await login(t, 'adviseur@breda.test');
});
afterAll(async () => t.close());

const read = (client: Client) => client.get(`/api/v1/support-requests/${requestId}`);
const listed = async (client: Client) =>
  (await client.get('/api/v1/support-requests')).json<{ id: string }[]>().some((r) => r.id === requestId);

describe('a confidential support request', () => {
  it('is filed by the officeholder with the only support organisation', async () => {
    const res = await wethouder.post('/api/v1/support-requests', {
      kind: 'psychosociale_zorg',
      forWhom: 'naasten',
      summary,
      details: 'Onze dochter slaapt slecht sinds het incident.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'ingediend',
      officeholderId: a.wethouder.id,
      supportOrganisation: { id: supportOrgId },
      access: { via: 'requester', canShare: true },
    });
    requestId = res.json().id;
    const told = (await team.get('/api/v1/notifications')).json<
      { kind: string; subjectId: string; title_nl: string }[]
    >();
    expect(told).toEqual([expect.objectContaining({ kind: 'support_request.new', subjectId: requestId })]);
    expect(JSON.stringify(told)).not.toContain('dochter');
  });

  it('shows to the requester and the support team, not to the advisers of the municipality or elsewhere', async () => {
    expect((await read(wethouder)).statusCode).toBe(200);
    const forTeam = await read(team);
    expect(forTeam.statusCode).toBe(200);
    expect(forTeam.json()).toMatchObject({ summary, access: { via: 'support_team', canHandle: true } });
    for (const outsider of [adviser, colleague, otherAdviser]) {
      const res = await read(outsider);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('dochter');
      expect(await listed(outsider)).toBe(false);
    }
    expect(await listed(wethouder)).toBe(true);
    expect(await listed(team)).toBe(true);
  });

  it('is handled by the support team only, whose notes the requester reads', async () => {
    expect(
      (await adviser.post(`/api/v1/support-requests/${requestId}/status`, { status: 'in_behandeling', version: 1 }))
        .statusCode,
    ).toBe(403);
    const skip = await team.post(`/api/v1/support-requests/${requestId}/status`, { status: 'afgerond', version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().issues[0].path).toBe('status');
    const taken = await team.post(`/api/v1/support-requests/${requestId}/status`, {
      status: 'in_behandeling',
      version: 1,
    });
    expect(taken.statusCode, taken.body).toBe(200);
    const note = await team.post(`/api/v1/support-requests/${requestId}/notes`, {
      body: 'Wij bellen u morgen om 10 uur.',
    });
    expect(note.statusCode, note.body).toBe(201);
    const seen = (await read(wethouder)).json();
    expect(seen.status).toBe('in_behandeling');
    expect(seen.notes).toEqual([
      expect.objectContaining({ authorRole: 'support_team', body: 'Wij bellen u morgen om 10 uur.' }),
    ]);
  });

  it('shows to the adviser once the requester shares it, without the conversation, until the share ends', async () => {
    const expiresAt = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString();
    expect(
      (await adviser.post(`/api/v1/support-requests/${requestId}/shares`, { userIds: [a.adviserUser.id], expiresAt }))
        .statusCode,
    ).toBe(404);
    const share = await wethouder.post(`/api/v1/support-requests/${requestId}/shares`, {
      userIds: [a.adviserUser.id],
      expiresAt,
    });
    expect(share.statusCode, share.body).toBe(201);
    const res = await read(adviser);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ summary, notes: null, access: { via: 'granted', canShare: false } });
    expect(await listed(adviser)).toBe(true);
    expect((await read(colleague)).statusCode).toBe(404);
    expect(
      (await adviser.post(`/api/v1/support-requests/${requestId}/notes`, { body: 'Mag ik meelezen?' })).statusCode,
    ).toBe(403);
    const revoked = await wethouder.delete(`/api/v1/support-requests/${requestId}/shares/${share.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await read(adviser)).statusCode).toBe(404);
  });

  it('can be withdrawn by the requester, after which the team can no longer move it', async () => {
    const version = (await read(wethouder)).json().version;
    const res = await wethouder.post(`/api/v1/support-requests/${requestId}/withdraw`, { version, reason: 'Opgelost' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ingetrokken', statusReason: 'Opgelost' });
    const late = await team.post(`/api/v1/support-requests/${requestId}/status`, {
      status: 'afgerond',
      version: version + 1,
    });
    expect(late.statusCode).toBe(409);
  });

  it('audits every read and stores the content encrypted', async () => {
    const reads = await t.ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', requestId)
      .where('action', '=', 'support_request.read')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(4);
    const row = await t.ctx.db
      .selectFrom('support_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row.summary).toMatch(/^v1\./);
    expect(row.details).toMatch(/^v1\./);
    const notes = await t.ctx.db.selectFrom('support_request_notes').select('body').execute();
    for (const n of notes) expect(n.body).toMatch(/^v1\./);
  });
});

describe('on behalf of an officeholder', () => {
  it('lets an adviser file for the officeholder, who then sees it, while colleagues do not', async () => {
    const res = await adviser.post('/api/v1/support-requests', {
      officeholderId: a.wethouder.id,
      kind: 'juridische_hulp',
      summary: 'Juridisch advies over aangifte',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await wethouder.get(`/api/v1/support-requests/${id}`)).json().access.via).toBe('subject');
    expect((await colleague.get(`/api/v1/support-requests/${id}`)).statusCode).toBe(404);
  });

  it('refuses an officeholder asking for someone else, an unknown kind, and a non-support organisation', async () => {
    const other = await wethouder.post('/api/v1/support-requests', {
      officeholderId: a.raadslid.id,
      kind: 'vertrouwelijk_advies',
      summary: 'Voor een ander',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().issues[0].path).toBe('officeholderId');
    const kind = await wethouder.post('/api/v1/support-requests', { kind: 'geld', summary: 'Onbekende soort' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().issues[0].path).toContain('kind');
    const org = await wethouder.post('/api/v1/support-requests', {
      kind: 'vertrouwelijk_advies',
      summary: 'Naar de verkeerde',
      supportOrganisationId: b.org.id,
    });
    expect(org.json().issues[0].path).toBe('supportOrganisationId');
  });
});

describe.runIf(isPostgresRun)('row-level security on support requests', () => {
  const count = async () =>
    Number((await sql<{ n: string }>`select count(*) as n from support_requests`.execute(t.ctx.db)).rows[0]?.n);

  it('is forced on every table of scans, support requests and duplicate decisions', async () => {
    const tables = await sql<{ relname: string; relforcerowsecurity: boolean }>`
      select c.relname, c.relforcerowsecurity from pg_class c where c.relnamespace = current_schema()::regnamespace
      and c.relname in ('security_scans', 'scan_answers', 'scan_findings', 'support_requests',
        'support_request_notes', 'poi_duplicate_decisions')`.execute(t.ctx.db);
    expect(tables.rows).toHaveLength(6);
    for (const row of tables.rows) expect(row.relforcerowsecurity, row.relname).toBe(true);
  });

  it('shows rows only to the owner municipality and the support organisation', async () => {
    const own = await runAsTenant(a.org.id, count);
    expect(own).toBeGreaterThan(0);
    expect(await runAsTenant(supportOrgId, count)).toBe(own);
    expect(await runAsTenant(b.org.id, count)).toBe(0);
    expect(await runAsTenant('', count)).toBe(0);
    const notes = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from support_request_notes`.execute(t.ctx.db)).rows[0]?.n);
    expect(await runAsTenant(supportOrgId, notes)).toBeGreaterThan(0);
    expect(await runAsTenant(b.org.id, notes)).toBe(0);
  });
});
