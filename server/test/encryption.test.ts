import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { generateFieldKeyLine, parseFieldKeys, type FieldKey } from '../src/platform/crypto/field-encryption.js';
import { rotateFieldKeys } from '../src/platform/crypto/key-rotation.service.js';
import type { AppContext } from '../src/platform/context.js';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildIncident } from './support/factories.js';
import { login, type Client } from './support/http-client.js';
import { municipality, type Municipality } from './support/scenario.js';

const homeAddress = 'Hoogvliet-Zuidlaan 1847, 5038 ZQ Tilburg';
const household = 'Partner Annelies Brouwersma-Kwak, dochters Fenna (9) en Jikke (12)';
const perpetrator = 'Gerrit-Jan Vlielandt (account @vlielandt_gj)';

const keyA = generateFieldKeyLine('keyA');
const keyB = generateFieldKeyLine('keyB');
const keysOf = (line: string): FieldKey[] => {
  const parsed = parseFieldKeys(line);
  if (!('keys' in parsed)) throw new Error(parsed.problems.join('; '));
  return parsed.keys;
};

let t: TestApp;
let m: Municipality;
let adviser: Client;

beforeEach(async () => {
  t = await createTestApp({ ENCRYPTION_KEYS: keyA });
  m = await municipality(t, 'tilburg');
  adviser = await login(t, 'adviseur@tilburg.test');
});
afterEach(async () => t.close());

async function createWithAddress(name = 'Wethouder Brouwersma') {
  const res = await adviser.post('/api/v1/officeholders', {
    fullName: name,
    office: 'wethouder',
    homeAddress,
    familyMembers: household,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; homeAddress: string; familyMembers: string }>();
}

const rawOfficeholder = (id: string) =>
  t.ctx.db.selectFrom('officeholders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

// A measure plan's home address and household, and a person of interest's address, are sealed too.
const planAndPoiSecrets = ['Kastanjeweide', '5041 KW', 'Wietske Dijkstra-Hoekema', 'Oude Molenwerf'];

async function withPlanAndPersonOfInterest(officeholderId: string): Promise<void> {
  const plan = await adviser.request('PUT', `/api/v1/officeholders/${officeholderId}/measure-plan`, {
    homeAddress: { street: 'Kastanjeweide', houseNumber: '88', postcode: '5041 KW', city: 'Tilburg' },
    household: [{ name: 'Wietske Dijkstra-Hoekema', relation: 'partner' }],
  });
  expect(plan.statusCode, plan.body).toBe(200);
  expect(plan.json().homeAddress.street).toBe('Kastanjeweide');
  const poi = await adviser.post('/api/v1/pois', {
    displayName: 'Gerbrand Zwanenburg',
    addresses: [{ street: 'Oude Molenwerf', houseNumber: '3', postcode: '5011 AA', city: 'Tilburg' }],
  });
  expect(poi.statusCode, poi.body).toBe(201);
  const stored = await t.ctx.db.selectFrom('measure_plans').selectAll().executeTakeFirstOrThrow();
  expect(stored.home_address).toMatch(/^v1\.keyA\./);
  expect(stored.household).toMatch(/^v1\.keyA\./);
}

/** Everything the database holds, as bytes: the SQLite files (WAL included) or a pg_dump of the test schema. */
async function databaseDump(ctx: AppContext): Promise<Buffer | null> {
  if (!isPostgresRun) {
    const file = ctx.config.databaseUrl.replace(/^sqlite:(\/\/)?/, '');
    const dir = path.dirname(file);
    const names = fs.readdirSync(dir).filter((n) => n.startsWith(path.basename(file)));
    expect(names).toContain(`${path.basename(file)}-wal`);
    return Buffer.concat(names.map((n) => fs.readFileSync(path.join(dir, n))));
  }
  if (spawnSync('pg_dump', ['--version']).status !== 0) return null;
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(ctx.db)).rows[0]?.s ?? '';
  return execFileSync('pg_dump', ['--dbname', ctx.config.databaseUrl, '-n', schema], { maxBuffer: 256 * 1024 * 1024 });
}

describe('encryption at rest', () => {
  it('gives the home address and household back to an authorised adviser, in clear', async () => {
    const created = await createWithAddress();
    expect(created).toMatchObject({ homeAddress, familyMembers: household });
    const read = await adviser.get(`/api/v1/officeholders/${created.id}`);
    expect(read.json()).toMatchObject({ homeAddress, familyMembers: household });
    const moved = await adviser.patch(`/api/v1/officeholders/${created.id}`, { homeAddress: 'Piushaven 3, Tilburg' });
    expect(moved.json()).toMatchObject({ homeAddress: 'Piushaven 3, Tilburg', familyMembers: household });
    const list = (await adviser.get('/api/v1/officeholders')).json<{ id: string; homeAddress: string | null }[]>();
    // Lists never carry the home address, not even for the adviser (see officeholders.test.ts).
    expect(list.find((o) => o.id === created.id)?.homeAddress).toBeNull();
  });

  it('stores only AES-GCM envelopes in the table rows, for officeholders and perpetrators', async () => {
    const created = await createWithAddress();
    const row = await rawOfficeholder(created.id);
    expect(row.home_address).toMatch(/^v1\.keyA\./);
    expect(row.family_members).toMatch(/^v1\.keyA\./);
    expect(JSON.stringify(row)).not.toContain('Hoogvliet');
    expect(JSON.stringify(row)).not.toContain('Annelies');

    const incident = await buildIncident(m.rc, m.wethouder.id);
    const patched = await adviser.patch(`/api/v1/incidents/${incident.id}`, {
      version: incident.version,
      knownPerpetrators: perpetrator,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().knownPerpetrators).toBe(perpetrator);
    const stored = await t.ctx.db
      .selectFrom('incidents')
      .select('known_perpetrators')
      .where('id', '=', incident.id)
      .executeTakeFirstOrThrow();
    expect(stored.known_perpetrators).toMatch(/^v1\.keyA\./);
    // The timeline is kept in clear, so it must say that the field changed without its value.
    const events = (await adviser.get(`/api/v1/incidents/${incident.id}/events`)).json();
    expect(events[1].changes.knownPerpetrators).toEqual([null, '•••']);
    expect(JSON.stringify(events)).not.toContain('Vlielandt');
  });

  it('refuses a ciphertext copied to another officeholder instead of showing it there', async () => {
    const source = await createWithAddress();
    const target = await createWithAddress('Wethouder Kwak');
    const sealed = (await rawOfficeholder(source.id)).home_address;
    await t.ctx.db.updateTable('officeholders').set({ home_address: sealed }).where('id', '=', target.id).execute();
    const read = await adviser.get(`/api/v1/officeholders/${target.id}`);
    expect(read.statusCode).toBe(500);
    expect(read.body).not.toContain('Hoogvliet');
  });

  it('leaves no home address, household or perpetrator in clear anywhere in a database dump', async () => {
    const created = await createWithAddress();
    const incident = await buildIncident(m.rc, m.wethouder.id);
    await adviser.patch(`/api/v1/incidents/${incident.id}`, {
      version: incident.version,
      knownPerpetrators: perpetrator,
    });
    await adviser.get(`/api/v1/officeholders/${created.id}`);
    await withPlanAndPersonOfInterest(created.id);
    const dump = await databaseDump(t.ctx);
    if (!dump) return expect(isPostgresRun).toBe(true); // no pg_dump on this machine
    // The officeholder's name is not encrypted: finding it shows the search looks in the right place.
    expect(dump.includes('Wethouder Brouwersma')).toBe(true);
    expect(dump.includes('Gerbrand Zwanenburg')).toBe(true);
    for (const secret of [
      'Hoogvliet-Zuidlaan',
      '5038 ZQ',
      'Annelies',
      'Vlielandt',
      'vlielandt_gj',
      ...planAndPoiSecrets,
    ]) {
      expect(dump.includes(secret), secret).toBe(false);
    }
  });
});

describe('key rotation', () => {
  const withKeys = (line: string): AppContext => ({
    ...t.ctx,
    config: { ...t.ctx.config, encryptionKeys: keysOf(line) },
  });

  it('re-encrypts every field in batches so the old key can be removed, resuming where it stopped', async () => {
    const officeholders = [
      await createWithAddress('Wethouder A'),
      await createWithAddress('Wethouder B'),
      await createWithAddress('Wethouder C'),
    ];
    const incident = await buildIncident(m.rc, m.wethouder.id, { knownPerpetrators: perpetrator });
    // A value written before encryption at rest existed is sealed by the same command.
    const legacy = await buildIncident(m.rc, m.wethouder.id);
    await t.ctx.db
      .updateTable('incidents')
      .set({ known_perpetrators: 'Oude Waarde' })
      .where('id', '=', legacy.id)
      .execute();

    const batches: number[] = [];
    const summary = await rotateFieldKeys(withKeys(`${keyB},${keyA}`), {
      batchSize: 2,
      onBatch: (p) => batches.push(p.rows),
    });
    expect(summary).toMatchObject({ currentKeyId: 'keyB', rows: 5, reencrypted: 7, sealed: 1 });
    expect(batches).toEqual([2, 1, 2]);
    for (const o of officeholders) expect((await rawOfficeholder(o.id)).home_address).toMatch(/^v1\.keyB\./);
    expect((await rotateFieldKeys(withKeys(`${keyB},${keyA}`))).rows).toBe(0);

    // A server that knows only the new key reads everything, including the once-clear value.
    const onlyB = withKeys(keyB);
    const app = await buildApp(onlyB);
    try {
      const client = await login({ ...t, app, ctx: onlyB }, 'adviseur@tilburg.test');
      const read = await client.get(`/api/v1/officeholders/${officeholders[0]?.id}`);
      expect(read.json()).toMatchObject({ homeAddress, familyMembers: household });
      expect((await client.get(`/api/v1/incidents/${incident.id}`)).json().knownPerpetrators).toBe(perpetrator);
      expect((await client.get(`/api/v1/incidents/${legacy.id}`)).json().knownPerpetrators).toBe('Oude Waarde');
    } finally {
      await app.close();
    }
  });

  it('stops with a clear message when a value was sealed with a key that is no longer configured', async () => {
    await createWithAddress();
    await expect(rotateFieldKeys(withKeys(keyB))).rejects.toThrow(
      /sealed with key "keyA", which is not in ENCRYPTION_KEYS/,
    );
  });
});
