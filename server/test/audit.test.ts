import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildIncident } from './support/factories.js';
import { login } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';
import {
  generateCheckpointKeyPair,
  proveAuditEvent,
  signAuditCheckpoint,
  verifyAuditLog,
} from '../src/platform/audit/audit-log.service.js';
import { verifyInclusionBundle } from '../src/platform/audit/merkle/log-proofs.js';

let t: TestApp;
let m: Municipality;
const keys = generateCheckpointKeyPair();

beforeEach(async () => {
  t = await createTestApp();
  m = await municipality(t, 'tilburg');
});
afterEach(async () => t.close());

async function someActivity(): Promise<void> {
  const adviser = await login(t, 'adviseur@tilburg.test');
  const incident = await buildIncident(m.rc, m.wethouder.id, { summary: 'Zeer gevoelige omschrijving' });
  await adviser.get(`/api/v1/incidents/${incident.id}`);
  await adviser.get('/api/v1/incidents');
}

const verify = (checkpoint: string, previousCheckpoint?: string) =>
  verifyAuditLog(t.ctx, {
    checkpoint,
    publicKeyPem: keys.publicKeyPem,
    ...(previousCheckpoint ? { previousCheckpoint } : {}),
  });

describe('the audit trail', () => {
  it('writes exactly one event per read, with origin and request id, and never the payload', async () => {
    const adviser = await login(t, 'adviseur@tilburg.test');
    const incident = await buildIncident(m.rc, m.wethouder.id, { summary: 'Zeer gevoelige omschrijving' });
    await adviser.get(`/api/v1/incidents/${incident.id}`);
    const reads = await t.ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'incident.read').execute();
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      object_id: incident.id,
      result: 'success',
      ip: '127.0.0.1',
      organisation_id: m.org.id,
    });
    expect(reads[0]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(reads[0]?.user_agent).toBeTypeOf('string');
    const all = await t.ctx.db.selectFrom('audit_events').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain('Zeer gevoelige omschrijving');
    expect(JSON.stringify(all)).not.toContain('correct horse');
  });

  it('verifies against a signed checkpoint, and an older checkpoint is consistent with a newer one', async () => {
    await someActivity();
    const first = await signAuditCheckpoint(t.ctx, keys.privateKeyPem);
    await someActivity();
    const second = await signAuditCheckpoint(t.ctx, keys.privateKeyPem);
    const result = await verify(second, first);
    expect(result.problems).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('proves inclusion of one event to someone who holds only the public key', async () => {
    await someActivity();
    const checkpoint = await signAuditCheckpoint(t.ctx, keys.privateKeyPem);
    const bundle = await proveAuditEvent(t.ctx, 3, checkpoint);
    expect(verifyInclusionBundle(bundle, keys.publicKeyPem)).toEqual({ isValid: true });
    const forged = { ...bundle, event: { ...bundle.event, action: 'auth.logout' } };
    expect(verifyInclusionBundle(forged, keys.publicKeyPem).isValid).toBe(false);
  });

  const tamperings: [string, (t: TestApp) => Promise<unknown>, string][] = [
    [
      'an edited event',
      (t) => sql`update audit_events set result = 'denied' where seq = 4`.execute(t.ctx.db),
      'leaf_hash_mismatch',
    ],
    [
      'an edited event with a recomputed hash',
      (t) =>
        sql`update audit_events set actor_user_id = null, leaf_hash = ${'0'.repeat(64)} where seq = 4`.execute(
          t.ctx.db,
        ),
      'root_mismatch',
    ],
    ['a deleted event', (t) => sql`delete from audit_events where seq = 5`.execute(t.ctx.db), 'sequence_gap'],
    ['a truncated log', (t) => sql`delete from audit_events where seq > 3`.execute(t.ctx.db), 'truncated'],
    [
      'two events swapped',
      async (t) => {
        await sql`update audit_events set seq = 100000 where seq = 2`.execute(t.ctx.db);
        await sql`update audit_events set seq = 2 where seq = 3`.execute(t.ctx.db);
        await sql`update audit_events set seq = 3 where seq = 100000`.execute(t.ctx.db);
      },
      'leaf_hash_mismatch',
    ],
  ];

  it.each(tamperings)('detects %s', async (_name, tamper, kind) => {
    await someActivity();
    const checkpoint = await signAuditCheckpoint(t.ctx, keys.privateKeyPem);
    expect((await verify(checkpoint)).isValid).toBe(true);
    await tamper(t);
    const result = await verify(checkpoint);
    expect(result.isValid).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain(kind);
  });

  it('refuses to sign a checkpoint over a damaged log', async () => {
    await someActivity();
    await sql`update audit_events set action = 'x' where seq = 2`.execute(t.ctx.db);
    await expect(signAuditCheckpoint(t.ctx, keys.privateKeyPem)).rejects.toThrow(/not intact/);
  });

  it('rejects a checkpoint signed by another key', async () => {
    await someActivity();
    const other = generateCheckpointKeyPair();
    const checkpoint = await signAuditCheckpoint(t.ctx, other.privateKeyPem);
    const result = await verify(checkpoint);
    expect(result.problems.map((p) => p.kind)).toContain('bad_signature');
  });
});

describe('the DPO view', () => {
  it('shows who accessed a record and when, denied attempts, and nothing of another organisation', async () => {
    const { buildUser } = await import('./support/factories.js');
    await buildUser(t.ctx, m.org.id, ['dpo'], { email: 'fg@tilburg.test' });
    const other = await municipality(t, 'breda');
    await buildIncident(other.rc, other.wethouder.id);
    const adviser = await login(t, 'adviseur@tilburg.test');
    const incident = await buildIncident(m.rc, m.wethouder.id);
    await adviser.get(`/api/v1/incidents/${incident.id}`);
    await adviser.get('/api/v1/audit/events');
    const dpo = await login(t, 'fg@tilburg.test');

    const reads = (
      await dpo.get(`/api/v1/audit/events?objectType=incident&objectId=${incident.id}&action=incident.read`)
    ).json();
    expect(reads.total).toBe(1);
    expect(reads.items[0]).toMatchObject({ action: 'incident.read', actor: { id: m.adviserUser.id }, ip: '127.0.0.1' });

    const denied = (await dpo.get('/api/v1/audit/events?result=denied')).json();
    expect(denied.items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: m.adviserUser.id }),
        details: expect.objectContaining({ permission: 'audit:read' }),
      }),
    ]);

    const everything = (await dpo.get('/api/v1/audit/events?pageSize=500')).json();
    expect(JSON.stringify(everything)).not.toContain(other.org.id);
    expect(JSON.stringify(everything)).not.toContain(other.adviserUser.id);
  });
});
