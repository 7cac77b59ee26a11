import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildIncident, buildOrganisation } from './support/factories.js';
import { municipality, type Municipality } from './support/scenario.js';
import { runAsTenant } from '../src/platform/tenant-context.js';
import { shareIncident } from '../src/modules/incidents/incident-sharing.service.js';
import { revokeGrant } from '../src/modules/sharing/sharing.service.js';

// Row-level security exists only on PostgreSQL; on SQLite the service layer is the one guard,
// proven by the tenancy and authorisation-matrix suites that run on both.
describe.runIf(isPostgresRun)('row-level security on PostgreSQL', () => {
  let t: TestApp;
  let a: Municipality;
  let b: Municipality;
  let riecId: string;
  const count = async (table: 'incidents' | 'officeholders' | 'incident_forms' | 'incident_events') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.ctx.db)).rows[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    a = await municipality(t, 'tilburg');
    b = await municipality(t, 'breda');
    riecId = (await buildOrganisation(t.ctx, { type: 'riec' })).id;
    await buildIncident(a.rc, a.wethouder.id);
    await buildIncident(a.rc, a.raadslid.id);
    await buildIncident(b.rc, b.wethouder.id);
  });
  afterAll(async () => t?.close());

  it('is enabled and forced on the tenant tables, for a role that owns nothing and bypasses nothing', async () => {
    const tables = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; owner: string }>`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) as owner
      from pg_class c where c.relnamespace = current_schema()::regnamespace
      and c.relname in ('incidents', 'officeholders', 'incident_forms', 'incident_events', 'incident_attachments')`.execute(
      t.ctx.db,
    );
    expect(tables.rows).toHaveLength(5);
    for (const row of tables.rows) expect(row).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    const role = await sql<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>`
      select current_user, r.rolsuper, r.rolbypassrls from pg_roles r where r.rolname = current_user`.execute(t.ctx.db);
    expect(role.rows[0]).toMatchObject({ current_user: 'weerbaar_app', rolsuper: false, rolbypassrls: false });
    expect(tables.rows.every((r) => r.owner !== 'weerbaar_app')).toBe(true);
  });

  it('covers every table that holds an organisation’s or a dataset’s rows, apart from platform tables', async () => {
    // Platform tables: accounts and sessions are needed before a tenant is known; the audit log,
    // grants, reasons and export requests are read across organisations by design and guarded
    // by the service layer.
    const platform = [
      'organisations',
      'users',
      'sessions',
      'api_tokens',
      'audit_events',
      'grants',
      'access_reasons',
      'export_requests',
      'jobs',
    ];
    const result = await sql<{ table_name: string; forced: boolean }>`
      select distinct c.table_name, cl.relforcerowsecurity as forced
      from information_schema.columns c
      join pg_class cl on cl.relname = c.table_name and cl.relnamespace = current_schema()::regnamespace
      where c.table_schema = current_schema() and c.column_name in ('organisation_id', 'dataset_id')`.execute(t.ctx.db);
    const unprotected = result.rows
      .filter((r) => !r.forced && !platform.includes(r.table_name))
      .map((r) => r.table_name);
    expect(unprotected).toEqual([]);
  });

  it('shows a query without any tenant filter only its own organisation’s rows', async () => {
    expect(await runAsTenant(a.org.id, () => count('incidents'))).toBe(2);
    expect(await runAsTenant(b.org.id, () => count('incidents'))).toBe(1);
    expect(await runAsTenant(a.org.id, () => count('incident_forms'))).toBe(2);
    expect(await runAsTenant(b.org.id, () => count('officeholders'))).toBe(2);
    expect(await runAsTenant('', () => count('incidents'))).toBe(0);
    expect(await runAsTenant('', () => count('incident_events'))).toBe(0);
  });

  it('lets a grantee see a shared incident and its officeholder until the grant is revoked', async () => {
    const shared = await buildIncident(a.rc, a.wethouder.id, { summary: 'Gedeeld met het RIEC' });
    const grant = await shareIncident(a.rc, shared.id, {
      granteeOrganisationId: riecId,
      namedUserIds: [],
      purpose: 'riec_casus',
      legalBasis: 'art. 6 lid 1 sub e AVG',
      parts: ['kern'],
      expiresAt: '2026-12-01T00:00:00Z',
    });
    expect(await runAsTenant(riecId, () => count('incidents'))).toBe(1);
    expect(await runAsTenant(riecId, () => count('officeholders'))).toBe(1);
    await revokeGrant(a.rc, grant.id);
    expect(await runAsTenant(riecId, () => count('incidents'))).toBe(0);
    expect(await runAsTenant(riecId, () => count('officeholders'))).toBe(0);
  });

  it('refuses to write a row into another organisation', async () => {
    const attempt = runAsTenant(a.org.id, () =>
      sql`update incidents set summary = 'overschreven' where organisation_id = ${b.org.id}`.execute(t.ctx.db),
    );
    const result = await attempt;
    expect(Number(result.numAffectedRows ?? 0)).toBe(0);
    await expect(
      runAsTenant(a.org.id, () =>
        sql`update incidents set organisation_id = ${b.org.id} where organisation_id = ${a.org.id}`.execute(t.ctx.db),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
