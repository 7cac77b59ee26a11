/**
 * B4 import: `weerbaar import ftm` (runImportFtm, the CLI's own function) of a generated register
 * file into a fresh migrated database: SQLite (the embedded default), then a re-import of the same
 * file, then PostgreSQL (a fresh schema of the bench database, written by the application role under
 * row-level security as in production) when that server answers. A parse-only row shows the ceiling
 * of the other stage: reading, gunzip, line splitting, JSON.parse, validation and the derived columns
 * on one thread (during an import that runs in a worker thread beside the writer). Peers load the
 * same file in the same run (b4-peers.ts, b4-postgres-copy.ts).
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { runImportFtm } from '../server/src/cli/entity-commands.js';
import { loadConfig } from '../server/src/config.js';
import { prepareDatabase } from '../server/src/db/prepare.js';
import { readFtmItemLists } from '../server/src/modules/entities/ftm-reader.js';
import type { ImportSummary } from '../server/src/modules/entities/ftm-import.service.js';
import { writeRegister } from '../server/src/modules/entities/generator/write-register.js';
import { parseInBatches } from '../server/src/modules/entities/import/entity-batch.js';
import { createOrganisation } from '../server/src/modules/organisations/organisations.service.js';
import { manualClock } from '../server/src/platform/clock.js';
import type { AppContext } from '../server/src/platform/context.js';
import { createLogger } from '../server/src/platform/logger.js';
import { loadExtra, mbps, measure, type Measured } from './b4-measure.js';
import { localPeerRows, PEER_NOTES, type ImportFile } from './b4-peers.js';
import { POSTGRES_COPY_NOTE, postgresCopyRow } from './b4-postgres-copy.js';
import type { BenchOptions } from './options.js';
import { connectBench } from './postgres.js';
import type { PeerResult } from './results.js';
import { skippedPeer } from './results.js';

/** Persons in the imported register (about 2.9 entities and 520 bytes of JSON each). */
const IMPORT_PERSONS = 200_000;

export interface ImportBench {
  rows: PeerResult[];
  /** Fresh import into SQLite, the embedded default: what the B4 target is checked on. */
  mbPerSecond?: number;
  entities: number;
  notes: string[];
  failures: string[];
}

type Target = { ctx: AppContext; close(): Promise<void> };

const quiet = { isTTY: false, write: (): boolean => true };

async function openTarget(url: string, schema?: string): Promise<Target> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', WEB_DIST: os.tmpdir() });
  const { handle } = await prepareDatabase(url, schema ? { schema, appRole: 'weerbaar_app' } : {});
  const ctx: AppContext = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    clock: manualClock(new Date()),
    logger: createLogger('silent'),
  };
  await createOrganisation(ctx, { slug: 'bench', name: 'Benchmark', type: 'gemeente' });
  return { ctx, close: () => handle.close() };
}

/** A fresh schema in the bench database, dropped on close. */
async function postgresTarget(url: string): Promise<Target> {
  const schema = `b4_${randomBytes(4).toString('hex')}`;
  const admin = await connectBench(url);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const target = await openTarget(url, schema);
  return {
    ctx: target.ctx,
    close: async () => {
      await target.close();
      const client = await connectBench(url);
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

function importRow(peer: string, what: string, run: Measured<ImportSummary>, bytes: number): PeerResult {
  return { peer, what, status: 'ok', extra: loadExtra(bytes, run.value.imported, run) };
}

/** Fresh import and re-import into one target. */
async function importTwice(target: Target, file: string, bytes: number, label: string, entities: number) {
  const run = () => measure(() => runImportFtm(target.ctx, file, { dataset: 'bench-register', org: 'bench' }, quiet));
  const fresh = await run();
  const again = await run();
  const failures = [fresh, again]
    .filter(({ value }) => value.imported !== entities || value.entityCount !== entities)
    .map(({ value }) => `B4 ${label} import took ${value.imported} of ${entities} entities (${value.bad} bad)`);
  return {
    fresh,
    rows: [
      importRow(`FtM import ${label}`, 'runImportFtm, empty dataset', fresh, bytes),
      importRow(`FtM re-import ${label}`, 'same file again (rows unchanged)', again, bytes),
    ],
    failures,
  };
}

/** The parse stage alone on this thread: the ceiling the database stage is measured against. */
async function parseRow(file: string, bytes: number): Promise<PeerResult> {
  const run = await measure(async () => {
    let entities = 0;
    for await (const parsed of parseInBatches(readFtmItemLists(file, { bytes: 0 }), 20_000, { checkValues: true }))
      entities += parsed.batch.ids.length;
    return entities;
  });
  return {
    peer: 'FtM parse only',
    what: 'read, split, JSON.parse, validate values, derive columns',
    status: 'ok',
    extra: loadExtra(bytes, run.value, run),
  };
}

async function withTarget<T>(open: () => Promise<Target>, work: (target: Target) => Promise<T>): Promise<T> {
  const target = await open();
  try {
    return await work(target);
  } finally {
    await target.close();
  }
}

/** Imports a generated register into SQLite and PostgreSQL beside the peers, and reports MB/s, entities/s, CPU and memory. */
export async function runImportBench(options: BenchOptions, dir: string): Promise<ImportBench> {
  const persons = Math.min(options.persons, IMPORT_PERSONS);
  const path = join(dir, 'register.ftm.jsonl');
  const { entities } = await writeRegister(path, { persons, seed: options.seed });
  const bytes = statSync(path).size;
  const file: ImportFile = { path, bytes, entities };
  const parsed = await parseRow(path, bytes);
  const sqlite = await withTarget(
    () => openTarget(`sqlite:${join(dir, 'import.db')}`),
    (target) => importTwice(target, path, bytes, 'SQLite', entities),
  );
  const postgres = await withTarget(
    () => postgresTarget(options.databaseUrl),
    (target) => importTwice(target, path, bytes, 'PostgreSQL', entities),
  ).catch((error: unknown) => ({
    rows: [skippedPeer('FtM import PostgreSQL', `runImportFtm into ${options.databaseUrl}`, error)],
    failures: [],
  }));
  const peers = [...(await localPeerRows(file, dir)), await postgresCopyRow(file, options.databaseUrl)];
  return {
    rows: [...sqlite.rows, ...postgres.rows, parsed, ...peers],
    mbPerSecond: mbps(bytes, sqlite.fresh.ms),
    entities,
    notes: [
      `Import of a ${persons.toLocaleString('en')}-person register: ${entities.toLocaleString('en')} entities, ` +
        `${(bytes / 1e6).toFixed(1)} MB of uncompressed JSON lines (~${Math.round(bytes / entities)} bytes each).`,
      'Weerbaar rows: validation of every value against its FtM type, caption and references derived, idempotent ' +
        'upsert keeping first_seen, an audit record per run; PostgreSQL through the application role under row-level ' +
        'security. Stages: a worker thread reads, parses and validates (the parse-only row, one core) while the main ' +
        'thread writes; the database stage is the slower one, so the import runs at its pace. SQLite: one transaction ' +
        'of 20,000 entities with prepared statements, ~7 B-tree inserts per entity (row, primary key, caption index, ' +
        'and per reference row plus two indexes); PostgreSQL: a few unnest statements per batch.',
      'Comparable work: the Weerbaar rows, "SQLite bare" (same rows, no indexes) and "PostgreSQL COPY" (same tables ' +
        'and indexes, less derivation, no validation) store the same entities; "floor" and DuckDB only parse or ' +
        'store the JSON.',
      ...PEER_NOTES,
      POSTGRES_COPY_NOTE,
      'cpuMs is this process, all threads; mbPerCpuSecond is MB over that CPU time (the Weerbaar PostgreSQL rows ' +
        'leave out the server CPU, which is not measured for them); peakRssMb is the whole bench process (the register held for the restart ' +
        'rows included), rssGrowthMb that peak above the resident size when the row began.',
    ],
    failures: [...sqlite.failures, ...postgres.failures],
  };
}
