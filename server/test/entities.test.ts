import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildOrganisation } from './support/factories.js';
import {
  capture,
  comparable,
  importFile,
  parteispendenFile,
  person,
  tempDir,
  writeLines,
} from './support/entity-fixtures.js';
import { runExportFtm, runImportFtm } from '../src/cli/entity-commands.js';
import { writeRegister } from '../src/modules/entities/generator/write-register.js';
import { DEMO } from '../src/modules/entities/generator/demo-register.js';
import { AppError } from '../src/platform/errors.js';
import { createDataset } from '../src/modules/entities/datasets.service.js';
import { importFtmEntities } from '../src/modules/entities/ftm-import.service.js';

let t: TestApp;
let dir: string;
let registerFile: string;
let registerSize: number;
let riecId: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = tempDir();
  registerFile = path.join(dir, 'register.jsonl.gz');
  registerSize = (await writeRegister(registerFile, { persons: 200, seed: 1 })).entities;
  riecId = (await buildOrganisation(t.ctx, { slug: 'riec-test', name: 'RIEC Test', type: 'riec' })).id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const count = async (table: 'entities' | 'entity_refs', datasetName: string): Promise<number> => {
  const row = await t.ctx.db
    .selectFrom(table)
    .innerJoin('datasets', 'datasets.id', `${table}.dataset_id`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('datasets.name', '=', datasetName)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

async function exportLines(dataset: string): Promise<string[]> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await runExportFtm(t.ctx, { dataset, org: 'riec-test' }, sink);
  return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean);
}

describe('weerbaar import ftm', () => {
  it('streams a gzipped register into a new dataset, keeping ids', async () => {
    const { summary, printed } = await importFile(t.ctx, registerFile, {
      dataset: 'kvk',
      org: 'riec-test',
      kind: 'openbaar_register',
    });
    expect(summary).toMatchObject({ lines: registerSize, imported: registerSize, bad: 0, entityCount: registerSize });
    expect(printed).toMatch(
      /Imported [\d,]+ entities into kvk from [\d,]+ lines \(0 bad\) .* [\d,]+ entities\/s, [\d.]+ MB\/s/,
    );
    expect(printed).toContain(`the dataset holds ${registerSize.toLocaleString('en')} entities.`);
    expect(printed).not.toMatch(/skipped|\r/);
    const applicant = await t.ctx.db
      .selectFrom('entities')
      .selectAll()
      .where('id', '=', DEMO.applicantId)
      .executeTakeFirstOrThrow();
    expect(applicant.caption).toBe('Johannes van den Berg');
  });

  it('is idempotent on re-import and applies changed lines', async () => {
    const [entities, refs] = [await count('entities', 'kvk'), await count('entity_refs', 'kvk')];
    await importFile(t.ctx, registerFile, { dataset: 'kvk', org: 'riec-test' });
    expect([await count('entities', 'kvk'), await count('entity_refs', 'kvk')]).toEqual([entities, refs]);
    const changed = writeLines(path.join(dir, 'changed.jsonl'), [
      person('p-0', 'Anders Genoemd', { nationality: ['nl'] }),
    ]);
    await importFile(t.ctx, changed, { dataset: 'kvk' });
    const row = await t.ctx.db.selectFrom('entities').selectAll().where('id', '=', 'p-0').executeTakeFirstOrThrow();
    expect(JSON.parse(row.properties)).toEqual({ name: ['Anders Genoemd'], nationality: ['nl'] });
    expect(await count('entities', 'kvk')).toBe(entities);
    expect(row.first_seen <= row.last_seen).toBe(true);
  });

  const badFile = () =>
    writeLines(path.join(dir, 'bad.jsonl'), [
      person('ok-1', 'Eerste Goed'),
      '{"id": "broken", ',
      '',
      { id: 'x-1', schema: 'Persoon', properties: {} },
      { id: 'x-2', schema: 'Person', properties: { naam: ['x'] } },
      { id: 'x-3', schema: 'Person', properties: { name: [42] } },
      person('ok-2', 'Tweede Goed'),
    ]);

  /** Values that do not fit their FtM type (lines 3 to 6) between good lines; line 2 has bare strings. */
  const badValuesFile = () =>
    writeLines(path.join(dir, 'bad-values.jsonl'), [
      person('v-1', 'Goed Een', { birthDate: ['1979-04-03'], nationality: ['nl'] }),
      { id: 'v-2', schema: 'Person', properties: { name: 'Kale Tekst', country: 'NL' } },
      person('v-3', 'Slechte Datum', { birthDate: ['not a date'] }),
      person('v-4', 'Verkeerd Land', { nationality: ['nl', 'Holland'] }),
      { id: 'v-5', schema: 'Company', properties: { name: ['Berg B.V.'], email: ['geen e-mail'] } },
      {
        id: 'v-6',
        schema: 'Directorship',
        properties: { director: ['v-1'], organization: ['v-5'], startDate: ['2015-02-30'] },
      },
      person('v-7', 'Goed Twee', { topics: ['crime.fin'], birthDate: ['1980'] }),
    ]);

  it('checks each value against its FtM type: a bad one skips its line whole, named with line and property', async () => {
    const { summary, printed } = await importFile(t.ctx, badValuesFile(), { dataset: 'values', org: 'riec-test' });
    expect(summary).toMatchObject({ lines: 7, imported: 3, bad: 4, entityCount: 3 });
    expect(summary.problems.map((p) => [p.line, p.property])).toEqual([
      [3, 'birthDate'],
      [4, 'nationality'],
      [5, 'email'],
      [6, 'startDate'],
    ]);
    for (const line of [
      'line 3: property "birthDate": "not a date" is not an ISO 8601 date',
      'line 4: property "nationality": "Holland" is not an FtM country code',
      'line 5: property "email": "geen e-mail" is not an e-mail address',
      'line 6: property "startDate": "2015-02-30" is not an ISO 8601 date',
    ])
      expect(printed).toContain(line);
    expect(printed).toContain('Imported 3 entities into values from 7 lines (4 bad)');
    expect(printed).toContain('4 bad lines were skipped (listed above); exit status 2.');
    // Nothing of a refused line is kept (not even the references of the directorship); bare strings are wrapped.
    const rows = await t.ctx.db
      .selectFrom('entities')
      .innerJoin('datasets', 'datasets.id', 'entities.dataset_id')
      .select(['entities.id', 'entities.properties'])
      .where('datasets.name', '=', 'values')
      .orderBy('entities.id')
      .execute();
    expect(rows.map((r) => r.id)).toEqual(['v-1', 'v-2', 'v-7']);
    expect(JSON.parse(rows[1]?.properties ?? '{}')).toEqual({ name: ['Kale Tekst'], country: ['nl'] });
    expect(await count('entity_refs', 'values')).toBe(0);
  });

  it('with --strict refuses a file with a bad value, saying that nothing was imported and why', async () => {
    const failure = await importFile(t.ctx, badValuesFile(), {
      dataset: 'values-strict',
      org: 'riec-test',
      strict: true,
    }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).userMessage).toMatch(
      /^line 3: property "birthDate": "not a date" is not an ISO 8601 date .*\. Nothing was imported: strict mode refuses the whole file at its first bad line/,
    );
    expect(await count('entities', 'values-strict')).toBe(0);
  });

  it('draws a progress bar on a terminal, over the compressed bytes of a gzipped file', async () => {
    const out = { ...capture(), isTTY: true, columns: 160 };
    await runImportFtm(t.ctx, registerFile, { dataset: 'kvk-tty', org: 'riec-test', batchSize: 100 }, out);
    const size = (fs.statSync(registerFile).size / 1e6).toFixed(1);
    expect(out.text).toContain(`█] 100% ${size}/${size} MB gzip, `);
    // The last bar stays on its own line ("<EL>": the escape sequence that erases the rest of the line).
    expect(out.text.replaceAll('\x1b[K', '<EL>')).toMatch(
      /\r\[█+\] 100% [^\r]* MB gzip, [\d.]+ MB\/s, [\d,]+ entities\/s, [\d,]+ entities, ETA 0:00<EL>\nImported /,
    );
    expect(out.text).toMatch(/\nImported [\d,]+ entities into kvk-tty/);
  });

  it('reports bad lines with line number and reason and goes on', async () => {
    const { summary, printed } = await importFile(t.ctx, badFile(), { dataset: 'mixed', org: 'riec-test' });
    expect(summary).toMatchObject({ imported: 2, bad: 4 });
    expect(summary.problems.map((p) => [p.line, p.property])).toEqual([
      [2, undefined],
      [4, undefined],
      [5, 'naam'],
      [6, 'name'],
    ]);
    expect(summary.problems[1]?.reason).toBe('unknown schema "Persoon"');
    expect(printed).toContain('line 2: invalid JSON');
    expect(printed).toContain('line 5: property "naam" is not part of Person');
  });

  it('with --strict applies nothing and names the first bad line', async () => {
    const failure = await importFile(t.ctx, badFile(), { dataset: 'strict', org: 'riec-test', strict: true }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).userMessage).toMatch(/^line 2: invalid JSON/);
    expect((failure as AppError).userMessage).toContain('Nothing was imported: strict mode refuses the whole file');
    expect(await count('entities', 'strict')).toBe(0);
    const good = writeLines(path.join(dir, 'good.jsonl'), [person('s-1', 'Streng Goed')]);
    expect(
      (await importFile(t.ctx, good, { dataset: 'strict', org: 'riec-test', strict: true })).summary.imported,
    ).toBe(1);
  });

  it('reads a JSON array, plain and gzipped, reporting the line an element starts on', async () => {
    const array = `[\n${JSON.stringify(person('arr-1', 'Array Een'))},\n{"id": "arr-2", "schema": "Nope"},\n${JSON.stringify(person('arr-3', 'Array Drie'))}\n]\n`;
    fs.writeFileSync(path.join(dir, 'array.json'), array);
    fs.writeFileSync(path.join(dir, 'array.json.gz'), gzipSync(array));
    for (const file of ['array.json', 'array.json.gz']) {
      const { summary, printed } = await importFile(t.ctx, path.join(dir, file), {
        dataset: 'array',
        org: 'riec-test',
      });
      expect(summary).toMatchObject({ imported: 2, bad: 1, entityCount: 2 });
      expect(printed).toContain('Imported 2 entities into array from 3 array elements (1 bad)');
      expect(printed).toContain('1 bad array element was skipped (listed above); exit status 2.');
      expect(summary.problems[0]).toMatchObject({ line: 3, reason: 'unknown schema "Nope"' });
    }
  });

  it('applies whole batches only, so an interrupted import can simply be run again', async () => {
    const dataset = await createDataset(t.ctx, riecId, { name: 'interrupted', title: 'Onderbroken', kind: 'riec' });
    const source = (failAt: number | null) =>
      async function* () {
        for (let i = 1; i <= 2_500; i++) {
          if (i === failAt) throw new Error('disk full');
          yield { line: i, value: person(`i-${i}`, `Persoon ${i}`) };
        }
      };
    await expect(importFtmEntities(t.ctx, dataset.id, source(1_500), { batchSize: 1_000 })).rejects.toThrow(
      'disk full',
    );
    expect(await count('entities', 'interrupted')).toBe(1_000);
    const rerun = await importFtmEntities(t.ctx, dataset.id, source(null), { batchSize: 1_000 });
    expect(rerun).toMatchObject({ imported: 2_500, entityCount: 2_500 });
  });

  it.skipIf(!parteispendenFile)('round-trips real FtM data unchanged', async () => {
    const file = parteispendenFile ?? '';
    const { summary } = await importFile(t.ctx, file, { dataset: 'parteispenden', org: 'riec-test', strict: true });
    const source = fs.readFileSync(file, 'utf8').split('\n');
    expect(summary.imported).toBe(source.filter((l) => l.trim()).length);
    const exported = await exportLines('parteispenden');
    expect(comparable(exported)).toEqual(comparable(source));
    const file2 = writeLines(path.join(dir, 'again.jsonl'), exported);
    expect(
      (await importFile(t.ctx, file2, { dataset: 'parteispenden-2', org: 'riec-test', strict: true })).summary.bad,
    ).toBe(0);
  });

  it.skipIf(isPostgresRun)(
    'works as a command line (smoke test in a subprocess)',
    () => {
      const env = {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`,
        LOG_LEVEL: 'warn',
      };
      const run = (...args: string[]) =>
        spawnSync('npx', ['tsx', 'server/src/cli.ts', ...args], { env, encoding: 'utf8' });
      expect(run('organisations', 'create', '--slug', 'riec-cli', '--name', 'RIEC CLI', '--type', 'riec').status).toBe(
        0,
      );
      const file = path.join(dir, 'cli.jsonl.gz');
      expect(run('generate', 'register', '--persons', '20', '--seed', '2', '--out', file).status).toBe(0);
      const imported = run('import', 'ftm', file, '--dataset', 'cli', '--org', 'riec-cli');
      expect(imported.status, imported.stderr).toBe(0);
      // The screening engines are built once, by the import, and kept as snapshots for the server.
      expect(imported.stderr).toMatch(/Screening engines built and saved as snapshots in [\d.]+ s/);
      const [version] = fs.readdirSync(path.join(dir, 'snapshots'));
      expect(fs.readdirSync(path.join(dir, 'snapshots', version ?? '')).sort()).toEqual([
        'covers.json',
        'graph.wbgr',
        'matcher.wbix',
      ]);
      // Imported again, the engines follow from their snapshot instead of a rebuild.
      const again = run('import', 'ftm', file, '--dataset', 'cli', '--org', 'riec-cli');
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr).toMatch(/Screening engines updated with the entities changed since their last snapshot/);
      const importedCount = Number(/Imported ([\d,]+) entities into cli/.exec(imported.stderr)?.[1]?.replace(/,/g, ''));
      expect(importedCount).toBeGreaterThan(20);
      const strict = run('import', 'ftm', badFile(), '--dataset', 'cli', '--strict');
      expect(strict.status).toBe(1);
      expect(strict.stderr).toMatch(/^weerbaar: line 2: invalid JSON.*\. Nothing was imported: strict mode/);
      const exported = run('export', 'ftm', '--dataset', 'cli');
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout.trim().split('\n')).toHaveLength(importedCount);
      // Completed with skipped lines: its own exit status, the good lines imported.
      const skipped = run('import', 'ftm', badValuesFile(), '--dataset', 'cli-bad', '--org', 'riec-cli');
      expect(skipped.status, skipped.stderr).toBe(2);
      expect(skipped.stderr).toContain('line 3: property "birthDate": "not a date" is not an ISO 8601 date');
      expect(skipped.stderr).toMatch(
        /Imported 3 entities into cli-bad from 7 lines \(4 bad\).*\n4 bad lines were skipped/,
      );
      const help = run('import', 'ftm', '--help');
      expect(help.stdout).toMatch(
        /Exit status:\n\s+0 +every line was imported\n\s+1 .*\n\s+2 +the import completed, but bad lines were skipped/,
      );
    },
    60_000,
  );
});
