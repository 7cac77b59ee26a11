import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeStatus } from '../src/modules/incidents/incidents.service.js';
import { addAttachment } from '../src/modules/incidents/incident-attachments.service.js';
import { verifyAuditLog } from '../src/platform/audit/audit-log.service.js';
import { jobHandlers, scheduleDailyJobs } from '../src/platform/jobs/job-handlers.js';
import { runDueJobs } from '../src/platform/jobs/job-runner.js';
import { retentionJobKind, runRetention } from '../src/platform/retention/retention.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident } from './support/factories.js';
import { municipality, type Municipality } from './support/scenario.js';

const day = 86_400_000;
const summary = 'Molotovcocktail tegen de voordeur van de wethouder';
const description = 'Buurman zag een man in een rode Volvo wegrijden richting Reeshof';
const perpetrator = 'Dirk-Willem Ouwehand';

let t: TestApp;
let m: Municipality;

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
});
afterEach(async () => t.close());

async function closedIncident() {
  const incident = await buildIncident(m.rc, m.wethouder.id, { summary, description, knownPerpetrators: perpetrator });
  await addAttachment(m.rc, incident.id, {
    fileName: 'bericht.txt',
    contentType: 'text/plain',
    data: Buffer.from('We weten waar je woont.'),
  });
  return changeStatus(m.rc, incident.id, {
    status: 'afgehandeld',
    reason: 'aangifte_gedaan',
    version: incident.version,
  });
}

const exists = async (
  table: 'incidents' | 'incident_forms' | 'incident_events' | 'incident_attachments',
  id: string,
) => {
  const column = table === 'incidents' ? 'id' : 'incident_id';
  const rows = await t.ctx.db.selectFrom(table).select(column).where(column, '=', id).execute();
  return rows.length;
};

const tombstones = () =>
  t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'retention.delete').orderBy('seq').execute();

describe('retention', () => {
  it('deletes a closed incident past its period with its children, and leaves a tombstone without personal data', async () => {
    const expired = await closedIncident();
    const stillOpen = await buildIncident(m.rc, m.wethouder.id);
    t.clock.advance(2555 * day - 10 * day);
    const recentlyClosed = await closedIncident();
    t.clock.advance(20 * day);

    const run = await runRetention(t.ctx);
    const result = run.rules.find((r) => r.rule === 'incidents.closed');

    expect(run.deleted).toBe(1);
    expect(result).toMatchObject({ objectType: 'incident', retentionDays: 2555, deleted: 1 });
    for (const table of ['incidents', 'incident_forms', 'incident_events', 'incident_attachments'] as const) {
      expect(await exists(table, expired.id), table).toBe(0);
    }
    expect(await exists('incidents', stillOpen.id)).toBe(1);
    expect(await exists('incidents', recentlyClosed.id)).toBe(1);
    expect(await exists('incident_attachments', recentlyClosed.id)).toBe(1);

    const [tombstone, ...others] = await tombstones();
    expect(others).toEqual([]);
    expect(tombstone).toMatchObject({
      object_type: 'incident',
      object_id: expired.id,
      organisation_id: m.org.id,
      actor_user_id: null,
      result: 'success',
    });
    expect(JSON.parse(tombstone?.details ?? '{}')).toEqual({
      rule: 'incidents.closed',
      retentionDays: 2555,
      lastChangeBefore: result?.cutoff,
      deleted: { forms: 1, events: 3, attachments: 1, personLinks: 0, grants: 0 },
    });
    const text = JSON.stringify(tombstone);
    for (const personal of [
      summary,
      description,
      perpetrator,
      'Molotov',
      'Volvo',
      'Ouwehand',
      'We weten',
      m.wethouder.fullName,
    ]) {
      expect(text).not.toContain(personal);
    }

    // Deleting records never deletes audit events, so the log still proves itself.
    const verification = await verifyAuditLog(t.ctx, {});
    expect(verification.problems).toEqual([]);
    expect(verification.isValid).toBe(true);
    expect((await runRetention(t.ctx)).deleted).toBe(0);
    expect(await tombstones()).toHaveLength(1);
  });

  it('keeps a closed incident whose timeline changed recently, and follows the configured period', async () => {
    const closed = await closedIncident();
    t.clock.advance(2555 * day);
    await addAttachment(m.rc, closed.id, {
      fileName: 'nagekomen.txt',
      contentType: 'text/plain',
      data: Buffer.from('Nagekomen bewijs.'),
    });
    t.clock.advance(day);
    expect((await runRetention(t.ctx)).deleted).toBe(0);

    const shortRetention = { ...t.ctx, config: { ...t.ctx.config, retentionIncidentsDays: 1 } };
    t.clock.advance(2 * day);
    expect((await runRetention(shortRetention)).deleted).toBe(1);
    expect(await exists('incidents', closed.id)).toBe(0);
  });

  it('runs every day as a background job', async () => {
    const closed = await closedIncident();
    t.clock.advance(2556 * day);
    await scheduleDailyJobs(t.ctx);
    await scheduleDailyJobs(t.ctx);
    await runDueJobs(t.ctx, jobHandlers);
    const jobs = await t.ctx.db.selectFrom('jobs').selectAll().where('kind', '=', retentionJobKind).execute();
    expect(jobs.map((j) => j.status)).toEqual(['done']);
    expect(await exists('incidents', closed.id)).toBe(0);
    expect(await tombstones()).toHaveLength(1);
  });
});
