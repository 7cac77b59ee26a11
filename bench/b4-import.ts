/**
 * B4 import: `weerbaar import ftm` (runImportFtm, the CLI's own function) of a generated
 * register file into a fresh migrated database, as the test app creates one: SQLite, or
 * PostgreSQL when WEERBAAR_TEST_DATABASE_URL is set.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runImportFtm } from '../server/src/cli/entity-commands.js';
import { writeRegister } from '../server/src/modules/entities/generator/write-register.js';
import { createOrganisation } from '../server/src/modules/organisations/organisations.service.js';
import { createTestApp, isPostgresRun } from '../server/test/support/test-app.js';
import type { BenchOptions } from './options.js';
import type { PeerResult } from './results.js';

/** Persons in the imported register: enough for a steady rate, small enough for one run. */
const IMPORT_PERSONS = 50_000;

export interface ImportBench {
  row: PeerResult;
  mbPerSecond?: number;
  entities: number;
  notes: string[];
  failures: string[];
}

const quiet = { isTTY: false, write: (): boolean => true };

/** Imports a generated register and reports MB/s and entities/s. */
export async function runImportBench(options: BenchOptions, dir: string): Promise<ImportBench> {
  const persons = Math.min(options.persons, IMPORT_PERSONS);
  const file = join(dir, 'register.ftm.jsonl');
  const { entities } = await writeRegister(file, { persons, seed: options.seed });
  const bytes = statSync(file).size;
  const test = await createTestApp();
  try {
    await createOrganisation(test.ctx, { slug: 'bench', name: 'Benchmark', type: 'gemeente' });
    const summary = await runImportFtm(test.ctx, file, { dataset: 'bench-register', org: 'bench' }, quiet);
    const seconds = summary.elapsedMs / 1000;
    const mbPerSecond = bytes / 1e6 / seconds;
    const failures =
      summary.imported === entities
        ? []
        : [`B4 import took ${summary.imported} of ${entities} entities (${summary.bad} bad)`];
    return {
      row: {
        peer: 'FtM import',
        what: `runImportFtm into ${isPostgresRun ? 'PostgreSQL' : 'SQLite'}`,
        status: 'ok',
        extra: {
          ms: Math.round(summary.elapsedMs),
          mbPerSecond: Math.round(mbPerSecond * 10) / 10,
          entitiesPerSecond: Math.round(summary.imported / seconds),
          fileMb: Math.round(bytes / 1e5) / 10,
        },
      },
      mbPerSecond,
      entities,
      notes: [
        `Import of a ${persons.toLocaleString('en')}-person register (${entities.toLocaleString('en')} entities, uncompressed JSON lines).`,
      ],
      failures,
    };
  } finally {
    await test.close();
  }
}
