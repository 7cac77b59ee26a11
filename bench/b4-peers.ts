/**
 * B4 peers on the same generated FtM file as Weerbaar's import: what the machine can do at all
 * (read the file and JSON.parse every line), DuckDB's own JSON-lines reader into a table, and
 * SQLite inserting Weerbaar's rows with no index (the storage floor). PostgreSQL's COPY is in
 * b4-postgres-copy.ts. Each row reports MB/s of uncompressed JSON lines, entities/s, CPU time
 * and resident memory; the notes say what each does and does not do.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import { readFtmItemLists } from '../server/src/modules/entities/ftm-reader.js';
import { parseInBatches, type EntityBatch } from '../server/src/modules/entities/import/entity-batch.js';
import { loadExtra, measure } from './b4-measure.js';
import type { PeerResult } from './results.js';
import { skippedPeer } from './results.js';
import { elapsedMs } from './stats.js';

/** The file a peer loads: its path, size in bytes and entity count (one per line). */
export type ImportFile = { path: string; bytes: number; entities: number };

/** Reads the file in 1 MB chunks, splits lines on the newline byte and JSON.parses each: nothing else, one thread. */
async function parseLines(path: string): Promise<number> {
  let lines = 0;
  let carry: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const bytes: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      if (end > start) {
        JSON.parse(bytes.toString('utf8', start, end));
        lines++;
      }
      start = end + 1;
    }
    carry = start < bytes.length ? bytes.subarray(start) : null;
  }
  if (carry?.length) {
    JSON.parse(carry.toString('utf8'));
    lines++;
  }
  return lines;
}

async function floorRow(file: ImportFile): Promise<PeerResult> {
  const run = await measure(() => parseLines(file.path));
  return {
    peer: 'floor: JSON.parse',
    what: 'read file, split lines, JSON.parse each (one thread)',
    status: 'ok',
    extra: { ...loadExtra(file.bytes, run.value, run), lines: run.value },
  };
}

const sqlString = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * DuckDB's read_ndjson (its own parallel JSON reader) into a table in a database file, then a
 * checkpoint so the table is on disk: with a primary key on id (checked on insert), or without.
 */
async function duckdbRow(file: ImportFile, dir: string, withKey: boolean): Promise<PeerResult> {
  const label = withKey ? 'DuckDB read_ndjson, primary key' : 'DuckDB read_ndjson, no key';
  const what = withKey
    ? 'into (id primary key, schema, properties json)'
    : 'create table as (id, schema, properties json)';
  const source =
    `from read_ndjson(${sqlString(file.path)}, ` +
    "columns = {id: 'VARCHAR', schema: 'VARCHAR', properties: 'JSON'}, maximum_object_size = 16777216)";
  const instance = await DuckDBInstance.create(join(dir, withKey ? 'b4-key.duckdb' : 'b4.duckdb'));
  const connection = await instance.connect();
  try {
    const threads = (await connection.runAndReadAll("select current_setting('threads')")).getRowsJS()[0]?.[0];
    const run = await measure(async () => {
      if (withKey) {
        await connection.run(
          'create table entities (id varchar primary key, schema varchar not null, properties json)',
        );
        await connection.run(`insert into entities select id, schema, properties ${source}`);
      } else await connection.run(`create table entities as select id, schema, properties ${source}`);
      await connection.run('checkpoint');
      const count = await connection.runAndReadAll('select count(*) from entities');
      return Number(count.getRowsJS()[0]?.[0] ?? 0);
    });
    return {
      peer: label,
      what,
      status: 'ok',
      extra: { ...loadExtra(file.bytes, run.value, run), rows: run.value, threads: String(threads ?? '') },
    };
  } catch (error) {
    return { ...skippedPeer(label, what, error), status: 'failed' };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

type BareInserts = { entity: SQLite.Statement<unknown[]>; ref: SQLite.Statement<unknown[]> };

/** One batch of Weerbaar's rows into tables with no index, in one transaction. */
function insertBare(raw: SQLite.Database, statements: BareInserts, batch: EntityBatch, at: string): void {
  raw.transaction(() => {
    for (let i = 0; i < batch.ids.length; i++) {
      const id = batch.ids[i] ?? '';
      statements.entity.run(
        'bench',
        id,
        batch.schemas[i],
        batch.captions[i],
        batch.captionKeys[i],
        batch.properties[i],
        batch.topics[i],
        at,
        at,
      );
      const end = batch.refStarts[i + 1] ?? 0;
      for (let r = batch.refStarts[i] ?? end; r < end; r++)
        statements.ref.run('bench', id, batch.refProperties[r], batch.refTargets[r]);
    }
  })();
}

/**
 * SQLite with Weerbaar's pragmas (WAL, synchronous=FULL, 64 MB cache) and Weerbaar's rows and
 * batches, but heap tables with no primary key or index: the storage floor. Only the inserts
 * are timed (the parse runs on this thread between them and is measured in its own row).
 */
async function sqliteBareRow(file: ImportFile, dir: string): Promise<PeerResult> {
  const raw = new SQLite(join(dir, 'bare.db'));
  try {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('cache_size = -65536');
    raw.exec(`create table entities (dataset_id text, id text, schema text, caption text, caption_key text,
      properties text, topics text, first_seen text, last_seen text);
      create table entity_refs (dataset_id text, source_id text, property text, target_id text)`);
    const statements: BareInserts = {
      entity: raw.prepare('insert into entities values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      ref: raw.prepare('insert into entity_refs values (?, ?, ?, ?)'),
    };
    const at = new Date().toISOString();
    let insertMs = 0;
    let insertCpuMs = 0;
    let rows = 0;
    const run = await measure(async () => {
      for await (const { batch } of parseInBatches(readFtmItemLists(file.path, { bytes: 0 }), 20_000, {
        checkValues: true,
      })) {
        const cpu = process.cpuUsage();
        const start = process.hrtime.bigint();
        insertBare(raw, statements, batch, at);
        insertMs += elapsedMs(start);
        const used = process.cpuUsage(cpu);
        insertCpuMs += (used.user + used.system) / 1000;
        rows += batch.ids.length;
      }
    });
    return {
      peer: 'SQLite bare inserts',
      what: "Weerbaar's rows, prepared inserts, no key or index",
      status: 'ok',
      extra: {
        ...loadExtra(file.bytes, rows, { ...run, ms: insertMs, cpuMs: Math.round(insertCpuMs) }),
        withParseMs: Math.round(run.ms),
      },
    };
  } finally {
    raw.close();
  }
}

/** The in-process peers, one after the other on the same file. */
export async function localPeerRows(file: ImportFile, dir: string): Promise<PeerResult[]> {
  return [
    await floorRow(file),
    await duckdbRow(file, dir, false),
    await duckdbRow(file, dir, true),
    await sqliteBareRow(file, dir),
  ];
}

/** What each peer does and does not do, for the report. */
export const PEER_NOTES = [
  'Peers: "floor" reads and JSON.parses every line and keeps nothing; no peer validates values against the FtM ' +
    'model, derives captions or references, keeps first/last seen, or writes an audit record, unless said here.',
  'DuckDB: read_ndjson with its own parallel reader (threads as shown) into a table in a database file, then a ' +
    'checkpoint; the JSON is checked for syntax only, properties are stored as JSON text; "primary key" also ' +
    'refuses a repeated id (a re-import would fail instead of updating); no caption, references or indexes.',
  'SQLite bare: exactly the rows Weerbaar writes (entities + references, same pragmas and 20,000-row ' +
    'transactions) into tables with no key or index; only the inserts are timed (withParseMs adds the parse on the ' +
    "same thread). The gap to Weerbaar's SQLite row is what the primary key, the caption index and the two reference " +
    'indexes cost.',
];
