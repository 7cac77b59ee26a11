/**
 * The shortcuts taken on the yente API's hot path (B3) must not loosen anything: the actor behind
 * an API token and the reader's visible datasets are kept across requests only while the access
 * version is unchanged (db/cache-version.ts), so revocation, expiry, a deactivated account, lost
 * roles and grants act on the next request — also when the database is changed behind the app's
 * back, as another process would; only `last_used_at` is written at most once a minute; and
 * concurrent match requests each still leave their own audit event, gap-free, though they share
 * a commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { screeningWorld, type ScreeningWorld } from './support/screening-fixtures.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';
import { auditWriteStats, recordRequestAudit } from '../src/modules/screening/yente/yente-audit.js';
import { actingAs, buildOrganisation, buildUser } from './support/factories.js';

let t: TestApp;
let w: ScreeningWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await screeningWorld(t);
}, 120_000);
afterAll(async () => t.close());

const person = { schema: 'Person', properties: { name: [DEMO.query.name], birthDate: [DEMO.query.birthDate] } };

async function newToken(expiresInDays = 30): Promise<{ token: string; id: string }> {
  const res = await w.bibob.post('/api/v1/me/api-tokens', { name: `hot-path-${Math.random()}`, expiresInDays });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ token: string; id: string }>();
}

function match(token: string, dataset = 'kvk-extract') {
  return t.app.inject({
    method: 'POST',
    url: `/api/yente/match/${dataset}`,
    headers: { authorization: `ApiKey ${token}` },
    payload: { queries: { q: person } },
  });
}

const lastUsed = async (id: string) =>
  (await t.ctx.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow())
    .last_used_at;

describe('yente hot path: what is kept across requests follows every change at once', () => {
  it('refuses a token on the request right after it is revoked, also when revoked behind the app’s back', async () => {
    const viaApi = await newToken();
    expect((await match(viaApi.token)).statusCode).toBe(200);
    expect((await w.bibob.delete(`/api/v1/me/api-tokens/${viaApi.id}`)).statusCode).toBe(204);
    expect((await match(viaApi.token)).statusCode).toBe(401);

    // As another app process would: the database changes, this process holds nothing stale.
    const behind = await newToken();
    expect((await match(behind.token)).statusCode).toBe(200);
    await t.ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at: t.clock.now().toISOString() })
      .where('id', '=', behind.id)
      .execute();
    expect((await match(behind.token)).statusCode).toBe(401);
  });

  it('refuses a token once it expires, and follows the account’s deactivation and roles at once', async () => {
    const shortLived = await newToken(1);
    expect((await match(shortLived.token)).statusCode).toBe(200);
    const now = t.clock.now();
    t.clock.advance(86_400_000 + 1_000);
    expect((await match(shortLived.token)).statusCode).toBe(401);
    t.clock.set(now);

    const { token, id } = await newToken();
    const { user_id: userId } = await t.ctx.db
      .selectFrom('api_tokens')
      .select('user_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect((await match(token)).statusCode).toBe(200);
    await t.ctx.db
      .updateTable('users')
      .set({ roles: JSON.stringify(['dpo']) })
      .where('id', '=', userId)
      .execute();
    expect((await match(token)).statusCode).toBe(403);
    await t.ctx.db.updateTable('users').set({ roles: user.roles, active: 0 }).where('id', '=', userId).execute();
    expect((await match(token)).statusCode).toBe(401);
    await t.ctx.db.updateTable('users').set({ active: 1 }).where('id', '=', userId).execute();
    expect((await match(token)).statusCode).toBe(200);
  });

  it('writes last_used_at at the first use and then at most once a minute', async () => {
    const { token, id } = await newToken();
    expect(await lastUsed(id)).toBeNull();
    await match(token);
    const first = await lastUsed(id);
    expect(first).toBe(t.clock.now().toISOString());
    t.clock.advance(30_000);
    await match(token);
    expect(await lastUsed(id)).toBe(first);
    t.clock.advance(31_000);
    await match(token);
    expect(await lastUsed(id)).toBe(t.clock.now().toISOString());
  });

  it('stops matching against a dataset on the request right after its grant is revoked', async () => {
    const { token } = await newToken();
    expect((await match(token)).statusCode).toBe(200);
    expect((await match(token, 'default')).json().responses.q.results.length).toBeGreaterThan(0);
    const revoked = await w.riec.delete(`/api/v1/datasets/${w.datasetId}/grants/${w.grantId}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await match(token)).statusCode).toBe(404);
    // The default collection stays (the catalog lists it), now without a dataset in it.
    const empty = await match(token, 'default');
    expect([empty.statusCode, empty.json().responses.q.results]).toEqual([200, []]);
    const catalog = await t.app.inject({
      method: 'GET',
      url: '/api/yente/catalog',
      headers: { authorization: `ApiKey ${token}` },
    });
    expect(catalog.json().datasets.map((d: { name: string }) => d.name)).toEqual(['default']);
  });
});

describe('yente hot path: kept datasets', () => {
  it('sees a new grant, an expiring grant and a dataset change on the very next request', async () => {
    const { token } = await newToken();
    const other = await w.riec.post('/api/v1/datasets', {
      name: 'second-register',
      title: 'Second',
      kind: 'openbaar_register',
    });
    expect(other.statusCode, other.body).toBe(201);
    const otherId = other.json<{ id: string }>().id;
    const catalog = async () =>
      (
        await t.app.inject({ method: 'GET', url: '/api/yente/catalog', headers: { authorization: `ApiKey ${token}` } })
      ).json<{ datasets: { name: string; title: string }[] }>().datasets;
    expect((await catalog()).map((d) => d.name)).not.toContain('second-register');
    const expiresAt = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const grant = await w.riec.post(`/api/v1/datasets/${otherId}/grants`, {
      granteeOrganisationId: w.tilburgId,
      purpose: 'bibob_onderzoek',
      legalBasis: 'art. 28 Wet Bibob',
      expiresAt,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await catalog()).map((d) => d.name)).toContain('second-register');
    // Behind the app's back, as another process would write it.
    await t.ctx.db.updateTable('datasets').set({ title: 'Renamed' }).where('id', '=', otherId).execute();
    expect((await catalog()).find((d) => d.name === 'second-register')?.title).toBe('Renamed');
    // The grant runs out by the clock alone: no write tells the cache.
    const now = t.clock.now();
    t.clock.advance(3_600_000);
    expect((await catalog()).map((d) => d.name)).not.toContain('second-register');
    t.clock.set(now);
  });

  it('moves the access version in the writing transaction only for writes that matter', async () => {
    const version = async () =>
      Number((await t.ctx.db.selectFrom('cache_versions').select('version').executeTakeFirstOrThrow()).version);
    const { id } = await newToken();
    const before = await version();
    await t.ctx.db
      .updateTable('api_tokens')
      .set({ last_used_at: t.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await version()).toBe(before);
    await t.ctx.db
      .updateTable('api_tokens')
      .set({ revoked_at: t.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await version()).toBeGreaterThan(before);
    const rolledBack = await version();
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('datasets').set({ title: 'Never' }).where('id', '=', w.datasetId).execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await version()).toBe(rolledBack);
  });
});

describe('yente hot path: audit', () => {
  it('leaves one audit event per concurrent match request, each with its own request id, in a gap-free sequence', async () => {
    const other = await createTestApp();
    try {
      const world = await screeningWorld(other);
      const { token } = (await world.bibob.post('/api/v1/me/api-tokens', { name: 'burst' })).json<{ token: string }>();
      const before = await other.ctx.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'screening.api_match')
        .execute();
      const stats = auditWriteStats(other.ctx.db);
      const burst = await Promise.all(
        Array.from({ length: 24 }, () =>
          other.app.inject({
            method: 'POST',
            url: '/api/yente/match/default',
            headers: { authorization: `ApiKey ${token}` },
            payload: { queries: { q: person } },
          }),
        ),
      );
      expect(burst.map((r) => r.statusCode)).toEqual(burst.map(() => 200));
      const events = await other.ctx.db
        .selectFrom('audit_events')
        .select(['seq', 'request_id', 'actor_user_id', 'leaf_hash'])
        .where('action', '=', 'screening.api_match')
        .execute();
      expect(events.length - before.length).toBe(24);
      // Group commit: the burst shared transactions, yet every event is its own row.
      const after = auditWriteStats(other.ctx.db);
      expect(after.events - stats.events).toBe(24);
      expect(after.commits - stats.commits).toBeLessThan(24);
      expect(new Set(events.map((e) => e.request_id)).size).toBe(events.length);
      expect(new Set(events.map((e) => e.leaf_hash)).size).toBe(events.length);
      const seqs = (await other.ctx.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) =>
        Number(r.seq),
      );
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('writes the good events of a shared commit when one event of it cannot be written', async () => {
    const org = await buildOrganisation(t.ctx);
    const user = await buildUser(t.ctx, org.id, ['bibob_coordinator']);
    const ctx = await actingAs(t.ctx, user.id);
    const event = (details: Record<string, unknown>) =>
      recordRequestAudit(ctx, {
        action: 'screening.api_test',
        result: 'success',
        actorUserId: user.id,
        organisationId: org.id,
        details,
      });
    // A BigInt cannot be serialised: that one event fails, its neighbours in the batch do not.
    const outcomes = await Promise.allSettled([event({ n: 1 }), event({ n: 2n }), event({ n: 3 })]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const written = await t.ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'screening.api_test')
      .orderBy('seq')
      .execute();
    expect(written.map((r) => JSON.parse(r.details))).toEqual([{ n: 1 }, { n: 3 }]);
  });
});
