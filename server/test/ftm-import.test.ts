import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildOrganisation } from './support/factories.js';
import { person, tempDir, writeLines } from './support/entity-fixtures.js';
import { createDataset } from '../src/modules/entities/datasets.service.js';
import { importFtmEntities, type ImportOptions } from '../src/modules/entities/ftm-import.service.js';
import { readFtmFile, type SourceItem } from '../src/modules/entities/ftm-reader.js';
import { upsertEntities } from '../src/modules/entities/entities.repository.js';
import { parseInBatches } from '../src/modules/entities/import/entity-batch.js';

// The import's guarantees batch by batch, on SQLite and (with WEERBAAR_TEST_DATABASE_URL) PostgreSQL.

let t: TestApp;
let dir: string;
let organisationId: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = tempDir();
  organisationId = (await buildOrganisation(t.ctx, { slug: 'riec-import', name: 'RIEC Import', type: 'riec' })).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

let datasets = 0;
const newDataset = async () =>
  (await createDataset(t.ctx, organisationId, { name: `ds-${++datasets}`, title: 'Import', kind: 'riec' })).id;

const itemsOf = (values: object[]) =>
  async function* (): AsyncGenerator<SourceItem> {
    let line = 0;
    for (const value of values) yield { line: ++line, value };
  };

const importValues = (datasetId: string, values: object[], options: ImportOptions = {}) =>
  importFtmEntities(t.ctx, datasetId, itemsOf(values), options);

/** Everything stored for a dataset, comparable across datasets. */
async function contentOf(datasetId: string) {
  const entities = await t.ctx.db
    .selectFrom('entities')
    .select(['id', 'schema', 'caption', 'caption_key', 'properties', 'topics', 'first_seen', 'last_seen'])
    .where('dataset_id', '=', datasetId)
    .orderBy('id')
    .execute();
  const refs = await t.ctx.db
    .selectFrom('entity_refs')
    .select(['source_id', 'property', 'target_id'])
    .where('dataset_id', '=', datasetId)
    .execute();
  const refList = refs.map((r) => `${r.source_id} ${r.property} ${r.target_id}`).sort();
  return { entities, refs: refList };
}

const withAddress = (id: string, name: string, ...addresses: string[]) =>
  person(id, name, { addressEntity: addresses });

describe('FtM import batches', () => {
  it('lets a repeated id in a later batch replace the earlier line, references and all', async () => {
    const datasetId = await newDataset();
    const values = [
      withAddress('p-1', 'Eerste', 'a-1'),
      withAddress('p-2', 'Tweede', 'a-2'),
      withAddress('p-3', 'Derde', 'a-3'),
      withAddress('p-1', 'Eerste later', 'a-7', 'a-8'),
      withAddress('p-4', 'Vierde'),
    ];
    const summary = await importValues(datasetId, values, { batchSize: 2 });
    expect(summary).toMatchObject({ lines: 5, imported: 5, bad: 0, entityCount: 4 });
    const { entities, refs } = await contentOf(datasetId);
    expect(entities.find((e) => e.id === 'p-1')?.caption).toBe('Eerste later');
    expect(refs).toEqual([
      'p-1 addressEntity a-7',
      'p-1 addressEntity a-8',
      'p-2 addressEntity a-2',
      'p-3 addressEntity a-3',
    ]);
  });

  it('on re-import moves only last_seen of unchanged rows and replaces the references of changed ones', async () => {
    const datasetId = await newDataset();
    const firstAt = t.clock.now().toISOString();
    await importValues(datasetId, [
      withAddress('p-1', 'Blijft', 'a-1'),
      withAddress('p-2', 'Verhuist', 'a-2', 'a-3'),
      withAddress('p-3', 'Niet meer geleverd', 'a-3'),
    ]);
    const before = await contentOf(datasetId);
    t.clock.advance(60_000);
    const secondAt = t.clock.now().toISOString();
    const summary = await importValues(datasetId, [
      withAddress('p-1', 'Blijft', 'a-1'),
      withAddress('p-2', 'Verhuist', 'a-9'),
      withAddress('p-4', 'Nieuw', 'a-1'),
    ]);
    expect(summary.entityCount).toBe(4);
    const { entities, refs } = await contentOf(datasetId);
    const byId = new Map(entities.map((e) => [e.id, e]));
    expect(byId.get('p-1')).toEqual({ ...before.entities[0], last_seen: secondAt });
    expect(byId.get('p-2')).toMatchObject({ first_seen: firstAt, last_seen: secondAt });
    expect(JSON.parse(byId.get('p-2')?.properties ?? '{}')).toEqual({ name: ['Verhuist'], addressEntity: ['a-9'] });
    expect(byId.get('p-3')).toMatchObject({ first_seen: firstAt, last_seen: firstAt });
    expect(byId.get('p-4')).toMatchObject({ first_seen: secondAt, last_seen: secondAt });
    expect(refs).toEqual([
      'p-1 addressEntity a-1',
      'p-2 addressEntity a-9',
      'p-3 addressEntity a-3',
      'p-4 addressEntity a-1',
    ]);
    const dataset = await t.ctx.db.selectFrom('datasets').selectAll().where('id', '=', datasetId).executeTakeFirst();
    expect(dataset?.entity_count).toBe(4);
    // Its version moves past the run's writes even when the clock stood still meanwhile.
    expect(dataset?.updated_at).toBe(new Date(Date.parse(secondAt) + 1).toISOString());
  });

  it('keeps the batches before a failing one whole and nothing of the failing one', async () => {
    const datasetId = await newDataset();
    const values = ['a', 'b', 'c', 'd', 'boom', 'f', 'g'].map((id) => withAddress(id, `Naam ${id}`, `adres-${id}`));
    const dropTrigger = await failInsertsOf('boom');
    try {
      await expect(importValues(datasetId, values, { batchSize: 3 })).rejects.toThrow(/boom/);
    } finally {
      await dropTrigger();
    }
    const { entities, refs } = await contentOf(datasetId);
    expect(entities.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(refs).toEqual(['a addressEntity adres-a', 'b addressEntity adres-b', 'c addressEntity adres-c']);
    // What was written counts: the dataset's version moves (engine caches rebuild) and the audit log says so.
    const dataset = await t.ctx.db.selectFrom('datasets').selectAll().where('id', '=', datasetId).executeTakeFirst();
    expect(dataset?.entity_count).toBe(3);
    const audit = await t.ctx.db
      .selectFrom('audit_events')
      .select(['result', 'details'])
      .where('action', '=', 'dataset.import')
      .where('object_id', '=', datasetId)
      .execute();
    expect(audit.map((a) => [a.result, JSON.parse(a.details) as unknown])).toEqual([
      ['failure', { lines: 6, imported: 3, bad: 0 }],
    ]);
    const rerun = await importValues(datasetId, values, { batchSize: 3 });
    expect(rerun).toMatchObject({ imported: 7, entityCount: 7 });
  });

  it('stores the same from a file parsed in a worker thread as from one parsed here', async () => {
    const lines: (object | string)[] = [];
    for (let i = 0; i < 300; i++) {
      lines.push(withAddress(`p-${i % 180}`, `Persoon ${i}`, `a-${i}`, `a-${i + 1}`));
      if (i % 50 === 7) lines.push('{"id": "half');
      if (i % 70 === 3) lines.push({ id: `x-${i}`, schema: 'Person', properties: { naam: ['x'] } });
      if (i % 90 === 5) lines.push(person(`d-${i}`, 'Datum', { birthDate: ['1990-02-30'] }));
    }
    const file = writeLines(path.join(dir, 'worker.jsonl'), lines);
    const run = async (useWorker: boolean) => {
      const datasetId = await newDataset();
      const progress = { bytes: 0 };
      const seen: number[] = [];
      const summary = await importFtmEntities(t.ctx, datasetId, () => readFtmFile(file, progress), {
        batchSize: 40,
        useWorker,
        checkValues: true,
        bytesRead: () => progress.bytes,
        onBatch: (p) => seen.push(p.bytes),
      });
      return { summary, seen, content: await contentOf(datasetId) };
    };
    const [inWorker, here] = [await run(true), await run(false)];
    expect(inWorker.content).toEqual(here.content);
    expect(inWorker.content.entities).toHaveLength(180);
    expect(inWorker.summary.problems).toEqual(here.summary.problems);
    expect(inWorker.summary).toMatchObject({ lines: 315, bad: 15, entityCount: 180 });
    expect(inWorker.summary.problems.filter((p) => p.property === 'birthDate').map((p) => p.line)).toHaveLength(4);
    expect(inWorker.seen.at(-1)).toBe(fs.statSync(file).size);
    expect([...inWorker.seen].sort((a, b) => a - b)).toEqual(inWorker.seen);
  });

  it('in strict mode refuses a file from a worker thread without writing anything', async () => {
    const datasetId = await newDataset();
    const file = writeLines(path.join(dir, 'strict.jsonl'), [withAddress('s-1', 'Goed', 'a-1'), '{"id": 1}']);
    await expect(
      importFtmEntities(t.ctx, datasetId, () => readFtmFile(file), { isStrict: true, useWorker: true }),
    ).rejects.toThrow(/^line 2: missing or invalid id\. Nothing was imported/);
    const badValue = writeLines(path.join(dir, 'strict-value.jsonl'), [
      withAddress('s-1', 'Goed', 'a-1'),
      person('s-2', 'Datum', { birthDate: ['morgen'] }),
    ]);
    const strictly = (checkValues: boolean) =>
      importFtmEntities(t.ctx, datasetId, () => readFtmFile(badValue), {
        isStrict: true,
        useWorker: true,
        checkValues,
      });
    await expect(strictly(true)).rejects.toThrow(/^line 2: property "birthDate": "morgen" is not an ISO 8601 date/);
    expect((await contentOf(datasetId)).entities).toEqual([]);
    // Value checks are what `import ftm` asks for; other callers (a screening's applicant) go without.
    expect(await strictly(false)).toMatchObject({ imported: 2, bad: 0 });
  });
});

/** Makes inserting entity `id` fail inside the database (a trigger), as a full disk or a bug would. */
async function failInsertsOf(id: string): Promise<() => Promise<void>> {
  if (!isPostgresRun) {
    await sql
      .raw(
        `create trigger fail_entity before insert on entities when new.id = '${id}' begin select raise(abort, 'boom'); end`,
      )
      .execute(t.ctx.db);
    return async () => void (await sql`drop trigger fail_entity`.execute(t.ctx.db));
  }
  // Triggers are the table owner's business: the app role may not create them.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.ctx.db);
  const owner = new pg.Client({ connectionString: process.env['WEERBAAR_TEST_DATABASE_URL'] });
  await owner.connect();
  const schema = rows[0]?.schema ?? '';
  await owner.query(`set search_path to ${schema}`);
  await owner.query(`create function fail_entity() returns trigger language plpgsql as $$
    begin if new.id = '${id}' then raise exception 'boom'; end if; return new; end $$`);
  await owner.query('create trigger fail_entity before insert on entities for each row execute function fail_entity()');
  return async () => {
    await owner.query('drop trigger fail_entity on entities');
    await owner.query('drop function fail_entity()');
    await owner.end();
  };
}

describe('upsertEntities inside a caller transaction', () => {
  it('writes with the transaction it is given (Kysely statements on SQLite), keeping first_seen', async () => {
    const datasetId = await newDataset();
    const batchOf = async (values: object[]) => {
      for await (const parsed of parseInBatches(itemsOf(values)(), 100)) return parsed.batch;
      throw new Error('no batch');
    };
    const at = (minute: number) => `2026-11-02T09:0${minute}:00.000Z`;
    await t.ctx.db.transaction().execute(async (trx) => {
      await upsertEntities(trx, t.ctx.dialect, datasetId, await batchOf([withAddress('p-1', 'Een', 'a-1')]), {
        at: at(1),
        isFresh: true,
      });
      await upsertEntities(trx, t.ctx.dialect, datasetId, await batchOf([withAddress('p-1', 'Een', 'a-2')]), {
        at: at(2),
        isFresh: false,
      });
    });
    const { entities, refs } = await contentOf(datasetId);
    expect(entities.map((e) => [e.id, e.first_seen, e.last_seen])).toEqual([['p-1', at(1), at(2)]]);
    expect(refs).toEqual(['p-1 addressEntity a-2']);
  });
});
