import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';
import { actingAs, buildOrganisation, buildUser } from './factories.js';
import { login, type Client, type Response } from './http-client.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { RequestContext } from '../../src/platform/context.js';
import { revokeGrant } from '../../src/modules/sharing/sharing.service.js';

// Shared machinery of the authorisation matrix: the data file, a world of three organisations
// (owner, grantee, outsider) with one signed-in user per role each, and the cell loop.

export type Relation = 'own' | 'other' | 'shared' | 'revoked' | 'expired';
export type Place = 'own' | 'grantee' | 'other';
/** `family` runs a shared route (DELETE /api/v1/grants/{grantId}) on a record of that family. */
export type MatrixRow = { route: string; family?: Family; $comment?: string } & Partial<Record<Relation, Role[]>>;
export type Matrix = { roles: Role[]; relations: Relation[]; routes: MatrixRow[] };

export const matrix = JSON.parse(
  fs.readFileSync(new URL('../authorization-matrix.json', import.meta.url), 'utf8'),
) as Matrix;

/** The route families each matrix test file owns; every route of the data file belongs to one. */
export const routeFamilies = {
  incidents: /^[A-Z]+ \/api\/v1\/(incidents|grants|access-reasons|officeholders)(\/|$)/,
  datasets: /^[A-Z]+ \/api\/v1\/(datasets|entities|entity-flags|match-decisions)(\/|$)/,
  screenings: /^[A-Z]+ \/api\/v1\/screenings(\/|$)/,
  pois: /^[A-Z]+ \/api\/v1\/pois(\/|$)/,
  support: /^[A-Z]+ \/api\/v1\/support-requests(\/|$)/,
} as const;

export type Family = keyof typeof routeFamilies;

/** The test file that runs a row. */
export const familyOf = (row: MatrixRow): Family | undefined =>
  row.family ?? (Object.keys(routeFamilies) as Family[]).find((f) => routeFamilies[f].test(row.route));

export const placeOf = (relation: Relation): Place =>
  relation === 'own' ? 'own' : relation === 'other' ? 'other' : 'grantee';

export type World = {
  t: TestApp;
  orgIds: Record<Place, string>;
  /** User ids by `place:role`. */
  userIds: Map<string, string>;
  clients: Map<string, Client>;
  /** A service context acting as an extra user of the owner organisation with the role (not one of the matrix users). */
  ownerAs(role: Role): Promise<RequestContext>;
  /** An ISO date-time `hours` after the test clock's now. */
  later(hours: number): string;
};

export async function buildWorld(prefix: string): Promise<World> {
  const t = await createTestApp();
  const orgIds: Record<Place, string> = {
    own: (await buildOrganisation(t.ctx, { slug: `${prefix}-eigenaar` })).id,
    grantee: (await buildOrganisation(t.ctx, { slug: `${prefix}-ontvanger`, type: 'riec' })).id,
    other: (await buildOrganisation(t.ctx, { slug: `${prefix}-buitenstaander`, type: 'politie' })).id,
  };
  const userIds = new Map<string, string>();
  const clients = new Map<string, Client>();
  for (const [place, orgId] of Object.entries(orgIds)) {
    for (const role of matrix.roles) {
      const email = `${role}@${place}.${prefix}.test`;
      userIds.set(`${place}:${role}`, (await buildUser(t.ctx, orgId, [role], { email })).id);
      clients.set(`${place}:${role}`, await login(t, email));
    }
  }
  const owners = new Map<Role, RequestContext>();
  return {
    t,
    orgIds,
    userIds,
    clients,
    async ownerAs(role) {
      const known = owners.get(role);
      if (known) return known;
      const user = await buildUser(t.ctx, orgIds.own, [role], { email: `eigenaar-${role}@${prefix}.test` });
      const rc = await actingAs(t.ctx, user.id);
      owners.set(role, rc);
      return rc;
    },
    later: (hours) => new Date(t.clock.now().getTime() + hours * 3_600_000).toISOString(),
  };
}

/** Leaves the grant live ('shared'), revokes it ('own', 'other', 'revoked'), or lets it expire. */
export async function settle(world: World, owner: RequestContext, relation: Relation, grantId: string): Promise<void> {
  if (relation !== 'shared') await revokeGrant(owner, grantId);
  if (relation === 'expired') {
    await world.t.ctx.db
      .updateTable('grants')
      .set({ revoked_at: null, revoked_by_user_id: null, expires_at: world.later(-1) })
      .where('id', '=', grantId)
      .execute();
  }
}

/** What a cell needs: the ids for the path, the id a list must (not) hold, and a text only the record has. */
export type Arranged = { ids: Record<string, string>; recordId: string; marker: string };

export type MatrixSpec = {
  family: Family;
  /** Put in an unshared part of every record; no relation but those in `secretSeenIn` may ever see it. */
  secret: string;
  secretSeenIn: Relation[];
  lists: string[];
  setup?(world: World): Promise<void>;
  arrange(world: World, relation: Relation, route: string): Promise<Arranged>;
  body?(world: World, route: string, arranged: Arranged, place: Place): unknown;
  /** Sends the request when it is not plain JSON (multipart); undefined: the default. */
  send?(world: World, client: Client, route: string, url: string, arranged: Arranged): Promise<Response> | undefined;
};

export function urlOf(route: string, ids: Record<string, string>): { method: string; url: string } {
  const [method, path] = route.split(' ') as [string, string];
  return { method, url: path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(ids[name] ?? '')) };
}

export const multipartPng = (field = 'file') => {
  const boundary = 'matrix';
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="b.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
};

/** MATRIX_TRACE=<file> writes every cell's status there (route, relation, role, status, allowed). */
const trace = process.env['MATRIX_TRACE'];

/** One test per route × relation; each tries every role on the record arranged for the cell. */
export function describeMatrix(spec: MatrixSpec): void {
  const rows = matrix.routes.filter((r) => familyOf(r) === spec.family);
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(`m-${spec.family}`);
    await spec.setup?.(world);
  }, 120_000);
  afterAll(async () => world.t.close());

  describe(`authorisation matrix: ${spec.family}`, () => {
    it('has rows in the data file', () => expect(rows.length).toBeGreaterThan(0));
    for (const row of rows) {
      for (const relation of matrix.relations) {
        it(`${row.route}${row.family ? ` (${row.family})` : ''} as each role, ${relation}`, async () => {
          const failures: string[] = [];
          // A change that went through spends the record: the next role gets a fresh one.
          const isChange = !row.route.startsWith('GET ');
          let arranged: Arranged | undefined;
          for (const role of matrix.roles) {
            arranged ??= await spec.arrange(world, relation, row.route);
            const place = placeOf(relation);
            const client = world.clients.get(`${place}:${role}`);
            if (!client) throw new Error('no client');
            const { method, url } = urlOf(row.route, arranged.ids);
            const res =
              (await spec.send?.(world, client, row.route, url, arranged)) ??
              (await client.request(method as 'GET', url, spec.body?.(world, row.route, arranged, place)));
            const isExpected = (row[relation] ?? []).includes(role);
            const isList = spec.lists.includes(row.route);
            const isAllowed = isList
              ? res.statusCode === 200 && res.body.includes(arranged.recordId)
              : res.statusCode < 300;
            const said = `${res.statusCode} ${res.body.slice(0, 160)}`;
            if (trace)
              fs.appendFileSync(trace, `${row.route}\t${relation}\t${role}\t${res.statusCode}\t${isAllowed}\n`);
            if (isAllowed !== isExpected)
              failures.push(`${role}: expected ${isExpected ? 'allowed' : 'refused'}, got ${said}`);
            if (!isAllowed && !isList && res.statusCode < 400) failures.push(`${role}: refused with ${said}`);
            // A role that may use the route on its own records learns nothing of a foreign one: 404.
            const isForeign = relation === 'other' || relation === 'revoked' || relation === 'expired';
            if (isForeign && !isList && (row.own ?? []).includes(role) && res.statusCode !== 404)
              failures.push(`${role}: a foreign record must answer 404, got ${said}`);
            if (!isAllowed && res.body.includes(arranged.marker))
              failures.push(`${role}: leaked the record in a refusal: ${said}`);
            if (!spec.secretSeenIn.includes(relation) && res.body.includes(spec.secret))
              failures.push(`${role}: leaked a masked part: ${said}`);
            if (isChange && res.statusCode < 300) arranged = undefined;
          }
          expect(failures).toEqual([]);
        });
      }
    }
  });
}
