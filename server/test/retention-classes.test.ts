import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.js';
import { createPoi, linkIncident } from '../src/modules/pois/pois.service.js';
import { verifyAuditLog } from '../src/platform/audit/audit-log.service.js';
import { newId } from '../src/platform/ids.js';
import { runRetention, type RetentionRunSummary } from '../src/platform/retention/retention.service.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident } from './support/factories.js';
import { municipality, type Municipality } from './support/scenario.js';
import * as rows from './support/retention-rows.js';

const day = 86_400_000;
const applicant = 'Bouwbedrijf Kwaadsteniet';
const requestSummary = 'Hulp gevraagd na bedreiging van dochter';
const poiName = 'Karel Verbeek';
const poiNotes = 'Woont naast de wethouder in de Spoorlaan';

let t: TestApp;
let m: Municipality;

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
});
afterEach(async () => t.close());

const now = (): string => t.clock.now().toISOString();

/** Rows of `table` whose `column` equals `value`. */
async function count(table: keyof Database, column: string, value: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(
    column,
  )} = ${value}`.execute(t.ctx.db);
  return Number(result.rows[0]?.n ?? 0);
}

const tombstones = (objectType: string) =>
  t.ctx.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'retention.delete')
    .where('object_type', '=', objectType)
    .orderBy('seq')
    .execute();

const deletedBy = (run: RetentionRunSummary, rule: string): number | undefined =>
  run.rules.find((r) => r.rule === rule)?.deleted;

/** The tombstones name only the records given, hold none of `secrets`, and the audit log still verifies. */
async function expectTombstones(objectType: string, ids: string[], secrets: string[]) {
  const found = await tombstones(objectType);
  expect(found.map((e) => e.object_id).sort()).toEqual([...ids].sort());
  const text = JSON.stringify(found);
  for (const secret of secrets) expect(text).not.toContain(secret);
  for (const e of found) expect(e.actor_user_id).toBeNull();
  const verification = await verifyAuditLog(t.ctx, {});
  expect(verification.problems).toEqual([]);
  expect(verification.isValid).toBe(true);
  return found.map((e) => JSON.parse(e.details ?? '{}') as { rule: string; deleted: Record<string, number> });
}

describe('retention of other record classes', () => {
  it('deletes a screening after its last change, with its grants and applicant, and keeps recent ones', async () => {
    const old = await rows.screening(t, m, applicant);
    const decidedLately = await rows.screening(t, m, applicant);
    const dataset = await rows.subjectDataset(t, m, [old, decidedLately]);
    await rows.matchDecision(t, m, dataset, old);
    await rows.grant(t, m, 'screening', old, {});
    t.clock.advance(1825 * day - 5 * day);
    await rows.matchDecision(t, m, dataset, decidedLately);
    const recent = await rows.screening(t, m, applicant);
    t.clock.advance(10 * day);

    const run = await runRetention(t.ctx);

    expect(deletedBy(run, 'screenings.last_change')).toBe(1);
    expect(await count('screenings', 'id', old)).toBe(0);
    expect(await count('entities', 'id', `screening-${old}`)).toBe(0);
    expect(await count('match_decisions', 'left_entity_id', `screening-${old}`)).toBe(0);
    expect(await count('grants', 'record_id', old)).toBe(0);
    expect(await count('screenings', 'id', decidedLately)).toBe(1);
    expect(await count('entities', 'id', `screening-${decidedLately}`)).toBe(1);
    expect(await count('screenings', 'id', recent)).toBe(1);
    const [details] = await expectTombstones('screening', [old], [applicant, 'Kwaadsteniet']);
    expect(details?.deleted).toEqual({ grants: 1, matchDecisions: 1, subjectEntities: 1 });
  });

  it('deletes a closed support request after closing, with its notes and grants; open and recent ones stay', async () => {
    const closed = await rows.supportRequest(t, m, requestSummary, 'afgerond');
    await rows.supportNote(t, m, closed, 'Gesprek gevoerd met de dochter');
    await rows.grant(t, m, 'support_request', closed, {});
    const withdrawnButNoted = await rows.supportRequest(t, m, requestSummary, 'ingetrokken');
    const open = await rows.supportRequest(t, m, requestSummary, 'in_behandeling');
    t.clock.advance(730 * day - 5 * day);
    await rows.supportNote(t, m, withdrawnButNoted, 'Toch nog een vraag');
    const recentlyClosed = await rows.supportRequest(t, m, requestSummary, 'afgerond');
    t.clock.advance(10 * day);

    const run = await runRetention(t.ctx);

    expect(deletedBy(run, 'support_requests.closed')).toBe(1);
    expect(await count('support_requests', 'id', closed)).toBe(0);
    expect(await count('support_request_notes', 'request_id', closed)).toBe(0);
    expect(await count('grants', 'record_id', closed)).toBe(0);
    for (const kept of [withdrawnButNoted, open, recentlyClosed]) {
      expect(await count('support_requests', 'id', kept)).toBe(1);
    }
    const [details] = await expectTombstones('support_request', [closed], [requestSummary, 'dochter']);
    expect(details?.deleted).toEqual({ notes: 1, grants: 1 });
  });

  it('deletes an unlinked, unchanged person of interest with everything on them; linked and recent ones stay', async () => {
    const input = { names: [], birthDate: null, addresses: [], onlineHandles: [], notes: poiNotes };
    const unlinked = await createPoi(m.rc, { ...input, displayName: poiName });
    const linked = await createPoi(m.rc, { ...input, displayName: 'Linked Person' });
    const incident = await buildIncident(m.rc, m.wethouder.id);
    await linkIncident(m.rc, linked.id, { incidentId: incident.id, role: 'dader' });
    await rows.poiChildren(t, m, unlinked.id, linked.id);
    await rows.grant(t, m, 'poi', unlinked.id, {});
    t.clock.advance(1825 * day - 5 * day);
    const recent = await createPoi(m.rc, { ...input, displayName: 'Recent Person' });
    t.clock.advance(10 * day);

    const run = await runRetention(t.ctx);

    expect(deletedBy(run, 'pois.unlinked_unchanged')).toBe(1);
    expect(await count('pois', 'id', unlinked.id)).toBe(0);
    for (const table of ['poi_photos', 'poi_entity_links', 'poi_group_members'] as const) {
      expect(await count(table, 'poi_id', unlinked.id), table).toBe(0);
    }
    expect(await count('poi_duplicate_decisions', 'right_poi_id', linked.id)).toBe(0);
    expect(await count('grants', 'record_id', unlinked.id)).toBe(0);
    expect(await count('pois', 'id', linked.id)).toBe(1);
    expect(await count('poi_photos', 'poi_id', linked.id)).toBe(1);
    expect(await count('pois', 'id', recent.id)).toBe(1);
    const [details] = await expectTombstones('poi', [unlinked.id], [poiName, 'Verbeek', poiNotes, 'Spoorlaan']);
    expect(details?.deleted).toEqual({
      grants: 1,
      photos: 1,
      entityLinks: 1,
      groupMemberships: 1,
      duplicateDecisions: 1,
    });
  });

  it('deletes old access reasons, read notifications, done tasks and ended grants of every organisation', async () => {
    const other = await municipality(t, 'breda');
    const reasons = [await rows.accessReason(t, m), await rows.accessReason(t, other)];
    const readNotification = await rows.notification(t, m, true);
    const unread = await rows.notification(t, m, false);
    const lateRead = await rows.notification(t, m, false);
    const doneTask = await rows.task(t, m, true);
    const openTask = await rows.task(t, other, false);
    const lateTask = await rows.task(t, m, false);
    const revoked = await rows.grant(t, m, 'incident', newId(), { revoked: true, users: [m.adviserUser.id] });
    const expired = await rows.grant(t, other, 'incident', newId(), { expiresAt: now(), users: [] });
    const live = await rows.grant(t, m, 'incident', newId(), {});
    const lateRevoked = await rows.grant(t, m, 'incident', newId(), {});
    t.clock.advance(800 * day);
    const recentReason = await rows.accessReason(t, m);
    await t.ctx.db.updateTable('notifications').set({ read_at: now() }).where('id', '=', lateRead).execute();
    await t.ctx.db
      .updateTable('tasks')
      .set({ status: 'done', completed_at: now() })
      .where('id', '=', lateTask)
      .execute();
    await t.ctx.db.updateTable('grants').set({ revoked_at: now() }).where('id', '=', lateRevoked).execute();
    t.clock.advance(10 * day);

    const run = await runRetention(t.ctx);

    expect(deletedBy(run, 'access_reasons.age')).toBe(2);
    expect(deletedBy(run, 'notifications.read')).toBe(1);
    expect(deletedBy(run, 'tasks.done')).toBe(1);
    expect(deletedBy(run, 'grants.ended')).toBe(2);
    expect(await count('access_reasons', 'id', recentReason)).toBe(1);
    expect(await count('notifications', 'id', unread)).toBe(1);
    expect(await count('notifications', 'id', lateRead)).toBe(1);
    expect(await count('tasks', 'id', openTask)).toBe(1);
    expect(await count('tasks', 'id', lateTask)).toBe(1);
    expect(await count('grant_users', 'grant_id', revoked)).toBe(0);
    for (const kept of [live, lateRevoked]) expect(await count('grants', 'id', kept)).toBe(1);
    await expectTombstones('access_reason', reasons, [rows.reasonNote]);
    await expectTombstones('notification', [readNotification], [rows.notificationTitle]);
    await expectTombstones('task', [doneTask], [rows.taskTitle]);
    const grantDetails = await expectTombstones('grant', [revoked, expired], [rows.legalBasis]);
    expect(grantDetails.map((d) => d.deleted.grantUsers).sort()).toEqual([0, 1]);
    const owners = (await tombstones('access_reason')).map((e) => e.organisation_id).sort();
    expect(owners).toEqual([m.org.id, other.org.id].sort());
    expect((await runRetention(t.ctx)).deleted).toBe(0);
  });
});
