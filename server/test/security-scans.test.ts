import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';

// A security scan in the four CCV areas: answers produce findings, one click puts the suggested
// measures into the officeholder's plan as voorgesteld, and the report prints.

let t: TestApp;
let m: Municipality;
let adviser: Client;
let securityOrgId: string;

type Finding = {
  id: string;
  questionCode: string;
  severity: string;
  measures: { code: string }[];
  proposedAt: string | null;
};
type PlanMeasure = { code: string; status: string; proposalReason: string | null; workOrder: { id: string } | null };

beforeAll(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
  await municipality(t, 'breda');
  securityOrgId = (await buildOrganisation(t.ctx, { type: 'beveiligingsbedrijf', name: 'Veilig BV' })).id;
  adviser = await login(t, 'adviseur@tilburg.test');
  const plan = await adviser.request('PUT', `/api/v1/officeholders/${m.wethouder.id}/measure-plan`, {
    executingOrganisationId: securityOrgId,
  });
  expect(plan.statusCode, plan.body).toBe(200);
});
afterAll(async () => t.close());

const startScan = async (body: unknown = {}) => {
  const res = await adviser.post(`/api/v1/officeholders/${m.wethouder.id}/security-scans`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; areas: string[]; status: string; progress: { total: number } }>();
};
const answer = (scanId: string, answers: unknown[]) =>
  adviser.request('PUT', `/api/v1/security-scans/${scanId}/answers`, { answers });
const planMeasures = async (): Promise<PlanMeasure[]> =>
  (await adviser.get(`/api/v1/officeholders/${m.wethouder.id}/measure-plan`)).json().measures;

describe('the questionnaire', () => {
  it('has six to ten bilingual questions in each of the four CCV areas', async () => {
    const res = await adviser.get('/api/v1/security-scan-questionnaire');
    expect(res.statusCode).toBe(200);
    const areas = res.json<{ area: string; questions: { text_nl: string; text_en: string }[] }[]>();
    expect(areas.map((a) => a.area)).toEqual(['woning', 'werkpakket', 'reisbewegingen', 'digitale_omgeving']);
    for (const a of areas) expect(a.questions.length).toBeGreaterThanOrEqual(6);
  });
});

describe('scan → findings → one-click proposal', () => {
  let scanId: string;
  let findings: Finding[];

  it('starts a draft over all four areas and derives findings from the answers, most severe first', async () => {
    const scan = await startScan();
    scanId = scan.id;
    expect(scan).toMatchObject({
      status: 'draft',
      areas: ['woning', 'werkpakket', 'reisbewegingen', 'digitale_omgeving'],
    });
    const res = await answer(scanId, [
      { questionCode: 'woning.zicht_voordeur', answerCode: 'nee' },
      { questionCode: 'woning.alarm', answerCode: 'nee' },
      { questionCode: 'woning.sluitwerk', answerCode: 'ja' },
      { questionCode: 'digitale_omgeving.tweestaps', answerCode: 'deels', note: 'Alleen op de zakelijke mail' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    findings = res.json().findings;
    expect(findings.map((f) => [f.questionCode, f.severity])).toEqual([
      ['woning.alarm', 'hoog'],
      ['digitale_omgeving.tweestaps', 'midden'],
      ['woning.zicht_voordeur', 'midden'],
    ]);
    expect(res.json().progress.answered).toBe(4);
  });

  it('puts the measures of one finding into the plan as voorgesteld, with a work order for the security company', async () => {
    const door = findings.find((f) => f.questionCode === 'woning.zicht_voordeur');
    const res = await adviser.post(`/api/v1/security-scans/${scanId}/findings/${door?.id}/propose`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().proposed.map((p: { code: string }) => p.code)).toEqual(['W-VIDEO-INTERCOM', 'W-CAMERA']);
    expect(res.json().scan.findings.find((f: Finding) => f.id === door?.id).proposedAt).not.toBeNull();
    const measures = await planMeasures();
    const camera = measures.find((x) => x.code === 'W-CAMERA');
    expect(camera).toMatchObject({ status: 'voorgesteld' });
    expect(camera?.proposalReason).toContain('Securityscan');
    expect(camera?.workOrder).not.toBeNull();
  });

  it('never proposes a measure twice, and propose-all adds the rest', async () => {
    const door = findings.find((f) => f.questionCode === 'woning.zicht_voordeur');
    const again = await adviser.post(`/api/v1/security-scans/${scanId}/findings/${door?.id}/propose`, {});
    expect(again.json()).toMatchObject({ proposed: [], alreadyInPlan: ['W-VIDEO-INTERCOM', 'W-CAMERA'] });
    const all = await adviser.post(`/api/v1/security-scans/${scanId}/propose-all`, {});
    expect(all.statusCode, all.body).toBe(200);
    expect(
      all
        .json()
        .proposed.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['D-TWEESTAPSVERIFICATIE', 'W-ALARM-DOORMELDING']);
    const codes = (await planMeasures()).map((x) => x.code);
    expect(codes.filter((c) => c === 'W-CAMERA')).toHaveLength(1);
    expect(codes).toEqual(expect.arrayContaining(['W-ALARM-DOORMELDING', 'D-TWEESTAPSVERIFICATIE']));
  });

  it('drops a finding when the answer changes to a safe one', async () => {
    const res = await answer(scanId, [{ questionCode: 'woning.alarm', answerCode: 'ja_doormelding' }]);
    expect(res.json().findings.map((f: Finding) => f.questionCode)).not.toContain('woning.alarm');
  });
});

describe('bad input', () => {
  it('refuses an unknown area, question or answer, naming the field, and stores nothing', async () => {
    const area = await adviser.post(`/api/v1/officeholders/${m.wethouder.id}/security-scans`, { areas: ['tuin'] });
    expect(area.statusCode).toBe(400);
    expect(area.json().issues[0].path).toContain('areas');
    const scan = await startScan({ areas: ['woning'] });
    const question = await answer(scan.id, [
      { questionCode: 'woning.alarm', answerCode: 'nee' },
      { questionCode: 'woning.bestaat_niet', answerCode: 'ja' },
    ]);
    expect(question.statusCode).toBe(400);
    expect(question.json().issues).toEqual([expect.objectContaining({ path: 'answers.1.questionCode' })]);
    const otherArea = await answer(scan.id, [{ questionCode: 'werkpakket.post', answerCode: 'nee' }]);
    expect(otherArea.json().issues[0]).toMatchObject({ path: 'answers.0.questionCode' });
    const option = await answer(scan.id, [{ questionCode: 'woning.alarm', answerCode: 'misschien' }]);
    expect(option.statusCode).toBe(400);
    expect(option.json().issues[0]).toMatchObject({ path: 'answers.0.answerCode' });
    expect((await adviser.get(`/api/v1/security-scans/${scan.id}`)).json().answers).toEqual([]);
  });

  it('completes only a fully answered scan, and refuses answers to a closed one', async () => {
    const scan = await startScan({ areas: ['reisbewegingen'] });
    const early = await adviser.post(`/api/v1/security-scans/${scan.id}/complete`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().issues.map((i: { path: string }) => i.path)).toContain('answers.reisbewegingen.vaste_routes');
    const questionnaire = (await adviser.get('/api/v1/security-scan-questionnaire')).json();
    const travel = questionnaire.find((a: { area: string }) => a.area === 'reisbewegingen');
    const all = travel.questions.map((q: { code: string; options: { code: string }[] }) => ({
      questionCode: q.code,
      answerCode: q.options[0]?.code,
    }));
    expect((await answer(scan.id, all)).statusCode).toBe(200);
    const done = await adviser.post(`/api/v1/security-scans/${scan.id}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('afgerond');
    const late = await answer(scan.id, [{ questionCode: 'reisbewegingen.vaste_routes', answerCode: 'ja' }]);
    expect(late.statusCode).toBe(409);
    expect(late.json().issues[0]).toMatchObject({ path: 'status' });
  });

  it('answers 404 for a scan or finding of another organisation', async () => {
    const scan = await startScan({ areas: ['woning'] });
    const breda = await login(t, 'adviseur@breda.test');
    expect((await breda.get(`/api/v1/security-scans/${scan.id}`)).statusCode).toBe(404);
    expect((await breda.get(`/api/v1/security-scans/${scan.id}/report`)).statusCode).toBe(404);
    const unknown = '00000000-0000-4000-8000-000000000009';
    expect((await adviser.post(`/api/v1/security-scans/${scan.id}/findings/${unknown}/propose`, {})).statusCode).toBe(
      404,
    );
  });
});

describe('the printable report', () => {
  it('is HTML with every value escaped, under the Content-Security-Policy, and the read is audited', async () => {
    const scan = await startScan({ areas: ['woning'] });
    await answer(scan.id, [{ questionCode: 'woning.alarm', answerCode: 'nee', note: '<script>alert(1)</script>' }]);
    const res = await adviser.get(`/api/v1/security-scans/${scan.id}/report`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(res.body).toContain('Securityscan Wethouder tilburg');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toContain('<script>');
    const audit = await t.ctx.db.selectFrom('audit_events').select('action').where('object_id', '=', scan.id).execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['security_scan.answer', 'security_scan.report']),
    );
  });

  it('keeps the answer notes encrypted at rest', async () => {
    const rows = await t.ctx.db.selectFrom('scan_answers').select('note').where('note', 'is not', null).execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.note).toMatch(/^v1\./);
  });
});
