import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.js';
import { buildOrganisation } from './support/factories.js';
import { importFile, tempDir, writeLines } from './support/entity-fixtures.js';
import { writeRegister } from '../src/modules/entities/generator/write-register.js';
import { findDataset } from '../src/modules/entities/entities.repository.js';
import { enginesFor, engineStats, forgetEngines } from '../src/modules/screening/engine-cache.js';
import { buildFromStore } from '../src/modules/screening/engine-build.js';
import type { DatasetEngines } from '../src/modules/screening/engine-snapshots.js';
import { serialiseIndex } from '../src/modules/screening/engine/index-snapshot.js';
import { queryIndex } from '../src/modules/screening/engine/candidate-query.js';
import { serializeGraph } from '../src/modules/entities/graph/snapshot.js';
import { findPathsToFlagged } from '../src/modules/entities/graph/flagged-paths.js';
import { redFlags } from '../src/modules/entities/graph/red-flags.js';

type Ftm = { id: string; schema: string; properties: Record<string, string[]> };

let t: TestApp;
let dir: string;
let entities: Ftm[];

const ORG = 'riec-updates';

async function importEntities(dataset: string, list: Ftm[]): Promise<void> {
  t.clock.advance(60_000);
  const file = writeLines(path.join(dir, `${dataset}-${Date.now()}-${Math.random()}.jsonl`), list);
  // A clock that moves on every reading, as a real one does while an import runs: the import
  // ends (the dataset's updated_at) after it began (the rows' changed_at).
  const clock = { now: () => (t.clock.advance(1), t.clock.now()) };
  await importFile({ ...t.ctx, clock }, file, { dataset, org: ORG, kind: 'openbaar_register' });
}

async function datasetRow(name: string) {
  const row = await t.ctx.db.selectFrom('datasets').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  const dataset = await findDataset(t.ctx.db, row.id);
  if (!dataset) throw new Error('no dataset');
  return dataset;
}

const bytesOf = (e: DatasetEngines) => ({ index: serialiseIndex(e.index), graph: serializeGraph(e.graph) });

/** The engines a full build of the store gives now. */
async function fullBuild(datasetId: string): Promise<DatasetEngines> {
  return (await buildFromStore(t.ctx, datasetId)).engines;
}

/** Matching and network answers for every matchable entity named in `ids`. */
function answers(engines: DatasetEngines, subjects: Ftm[]) {
  const now = new Date('2026-11-02T09:00:00Z');
  return subjects.map((s) => ({
    matches: queryIndex(engines.index, {
      schema: s.schema === 'Person' ? 'Person' : 'Company',
      names: s.properties['name'] ?? [],
      birthDates: s.properties['birthDate'] ?? [],
    }),
    paths: findPathsToFlagged(engines.graph, s.id, { maxHops: 3 }),
    flags: redFlags(engines.graph, s.id, { now }),
  }));
}

const byId = (id: string): Ftm => {
  const found = entities.find((e) => e.id === id);
  if (!found) throw new Error(id);
  return structuredClone(found);
};
const ofSchema = (schema: string) => entities.filter((e) => e.schema === schema);

beforeAll(async () => {
  t = await createTestApp();
  dir = tempDir();
  await buildOrganisation(t.ctx, { slug: ORG, name: 'RIEC Updates', type: 'riec' });
  const file = path.join(dir, 'register.jsonl.gz');
  await writeRegister(file, { persons: 300, seed: 1 });
  entities = gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Ftm);
  await importEntities('register', entities);
});

afterAll(async () => {
  await t.close();
});

describe('screening engines after an import that changes a few entities', () => {
  it('are updated from the older engines and equal a full build, answers included', async () => {
    const dataset = await datasetRow('register');
    const before = await enginesFor(t.ctx, dataset);
    const stats = engineStats(t.ctx.db);
    const [renamed, redated] = ofSchema('Person')
      .slice(3, 5)
      .map((e) => byId(e.id));
    const moved = byId(ofSchema('Person').find((p) => (p.properties['addressEntity'] ?? []).length > 0)!.id);
    const address = byId(ofSchema('Address')[7]!.id);
    const ended = byId(ofSchema('Directorship')[2]!.id);
    renamed!.properties['name'] = ['Gerrit Veldhuizen-Kramer'];
    redated!.properties['birthDate'] = ['1961-04-30'];
    moved.properties['addressEntity'] = [ofSchema('Address')[11]!.id];
    address.properties['full'] = ['Nieuwe Gracht 12, 3512 LT Utrecht'];
    ended.properties['endDate'] = ['2026-01-31'];
    const added: Ftm[] = [
      { id: 'zz-new-person', schema: 'Person', properties: { name: ['Anouk Verbeek'], birthDate: ['1990-02-03'] } },
      { id: 'aa-new-company', schema: 'Company', properties: { name: ['Verbeek Holding B.V.'], topics: ['sanction'] } },
      {
        id: 'mm-new-directorship',
        schema: 'Directorship',
        properties: { director: ['zz-new-person'], organization: ['aa-new-company'], startDate: ['2025-05-01'] },
      },
    ];
    const unchanged = ofSchema('Company').slice(0, 5);
    const changed = [renamed!, redated!, moved, address, ended];
    await importEntities('register', [...changed, ...added, ...unchanged]);
    const updated = await enginesFor(t.ctx, await datasetRow('register'));

    const after = engineStats(t.ctx.db);
    expect(after.updates).toBe(stats.updates + 1);
    expect(after.builds).toBe(stats.builds);
    expect(updated).not.toBe(before);
    const full = await fullBuild(dataset.id);
    expect(bytesOf(updated)).toEqual(bytesOf(full));
    const subjects = [...changed, ...added, ...ofSchema('Person').slice(0, 20)];
    expect(answers(updated, subjects)).toEqual(answers(full, subjects));
    expect(answers(updated, [renamed!])[0]?.matches[0]?.id).toBe(renamed!.id);
  });

  it('miss no change written by a process whose clock is behind', async () => {
    const dataset = await datasetRow('register');
    await enginesFor(t.ctx, dataset);
    const person = byId(ofSchema('Person')[57]!.id);
    person.properties['name'] = ['Hendrika Oosterbroek'];
    const file = writeLines(path.join(dir, 'behind.jsonl'), [person]);
    // Another process, an hour behind this one, imports a change.
    const behind = new Date(t.clock.now().getTime() - 3_600_000);
    await importFile({ ...t.ctx, clock: { now: () => behind } }, file, { dataset: 'register', org: ORG });
    const updated = await enginesFor(t.ctx, await datasetRow('register'));
    expect(answers(updated, [person])[0]?.matches[0]).toMatchObject({ id: person.id, score: 1 });
    expect(bytesOf(updated)).toEqual(bytesOf(await fullBuild(dataset.id)));
  });

  it('after a restart update the snapshot on disk', async () => {
    forgetEngines(t.ctx.db);
    const stats = engineStats(t.ctx.db);
    const person = byId(ofSchema('Person')[42]!.id);
    person.properties['name'] = ['Jan-Willem de Vries'];
    await importEntities('register', [person]);
    const dataset = await datasetRow('register');
    const updated = await enginesFor(t.ctx, dataset);
    expect(engineStats(t.ctx.db)).toEqual({ ...stats, updates: stats.updates + 1 });
    expect(bytesOf(updated)).toEqual(bytesOf(await fullBuild(dataset.id)));
  });

  it('rebuild in full when an entity was deleted', async () => {
    const dataset = await datasetRow('register');
    await enginesFor(t.ctx, dataset);
    const stats = engineStats(t.ctx.db);
    const gone = ofSchema('Person')[9]!.id;
    t.clock.advance(60_000);
    await t.ctx.db
      .deleteFrom('entity_refs')
      .where('dataset_id', '=', dataset.id)
      .where('source_id', '=', gone)
      .execute();
    await t.ctx.db.deleteFrom('entities').where('dataset_id', '=', dataset.id).where('id', '=', gone).execute();
    await t.ctx.db
      .updateTable('datasets')
      .set((eb) => ({ entity_count: eb('entity_count', '-', 1) }))
      .where('id', '=', dataset.id)
      .execute();
    const now = await datasetRow('register');
    const engines = await enginesFor(t.ctx, now);
    expect(engineStats(t.ctx.db)).toEqual({ ...stats, builds: stats.builds + 1 });
    expect(bytesOf(engines)).toEqual(bytesOf(await fullBuild(dataset.id)));
  });
});

describe('screening engines after an import that changes much', () => {
  it('are built in full', async () => {
    const dataset = await datasetRow('register');
    await enginesFor(t.ctx, dataset);
    const stats = engineStats(t.ctx.db);
    const renamed = entities.slice(0, Math.ceil(entities.length * 0.1)).map((e) => {
      const copy = byId(e.id);
      copy.properties['notes'] = ['herzien'];
      return copy;
    });
    await importEntities('register', renamed);
    const engines = await enginesFor(t.ctx, await datasetRow('register'));
    expect(engineStats(t.ctx.db)).toEqual({ ...stats, builds: stats.builds + 1 });
    expect(bytesOf(engines)).toEqual(bytesOf(await fullBuild(dataset.id)));
  });
});

describe('re-playing a graph whose numbering depends on entities that changed', () => {
  it('takes entities naming several new targets from the store', async () => {
    const address = (id: string, full: string): Ftm => ({ id, schema: 'Address', properties: { full: [full] } });
    const first: Ftm[] = [
      { id: 'a-p', schema: 'Person', properties: { name: ['Pieter Smit'], addressEntity: ['z-addr2'] } },
      { id: 'm-x', schema: 'Person', properties: { name: ['Xander Smit'], addressEntity: ['z-addr1', 'z-addr2'] } },
      address('z-addr1', 'Markt 1, Breda'),
      address('z-addr2', 'Markt 2, Breda'),
      // Unchanged others, so one change stays well under the share that calls for a full build.
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `b-other-${i}`,
        schema: 'Person',
        properties: { name: [`Persoon ${i}`] },
      })),
    ];
    await importEntities('numbering', first);
    const dataset = await datasetRow('numbering');
    await enginesFor(t.ctx, dataset);
    const stats = engineStats(t.ctx.db);
    await importEntities('numbering', [{ id: 'a-p', schema: 'Person', properties: { name: ['Pieter Smit'] } }]);
    const updated = await enginesFor(t.ctx, await datasetRow('numbering'));
    expect(engineStats(t.ctx.db).updates).toBe(stats.updates + 1);
    expect(bytesOf(updated)).toEqual(bytesOf(await fullBuild(dataset.id)));
  });
});
