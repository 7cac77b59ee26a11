/**
 * B4 peer: PostgreSQL's COPY of the same FtM file, the way a data engineer would bulk-load it:
 * the lines are streamed into an unlogged staging table as jsonb (COPY parses and checks the
 * JSON), then one transaction upserts them into tables shaped like Weerbaar's `entities` and
 * `entity_refs` (same columns, primary key and indexes; plain, logged tables), deriving the
 * caption and the references in SQL. CPU time and peak memory of the server backend are read
 * from /proc when the server runs on this machine.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { Duplex } from 'node:stream';
import type pg from 'pg';
import { ftmModel } from '../server/src/modules/entities/ftm-validation.js';
import { loadExtra, measure } from './b4-measure.js';
import type { ImportFile } from './b4-peers.js';
import { connectBench } from './postgres.js';
import type { PeerResult } from './results.js';
import { skippedPeer } from './results.js';

const COPY_DATA = 0x64;
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

function frame(kind: number, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header[0] = kind;
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * `COPY … FROM STDIN` fed from a file (pg has no COPY of its own): a query object the client
 * submits, which streams the file as CopyData messages once the server asks, respecting backpressure.
 * Rows may span messages, so the file goes as it is read.
 */
class CopyFromFile implements pg.Submittable {
  readonly done: Promise<number>;
  private settle: { resolve: (rows: number) => void; reject: (error: Error) => void } | null = null;
  private error: Error | null = null;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly path: string,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: pg.Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    void this.send(connection.stream);
  }

  private async send(stream: Duplex): Promise<void> {
    try {
      for await (const chunk of createReadStream(this.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        // After an error the server ignores data until CopyDone; stop reading.
        if (this.error) break;
        if (!stream.write(frame(COPY_DATA, chunk))) await once(stream, 'drain');
      }
      stream.write(COPY_DONE);
    } catch (error) {
      stream.write(frame(0x66, Buffer.from(`${String(error)}\0`)));
    }
  }

  handleCommandComplete(message: { text?: string }): void {
    this.rows = Number(message.text?.split(' ')[1] ?? 0);
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.settle?.reject(this.error);
    else this.settle?.resolve(this.rows);
  }
}

/** Per schema, the properties whose values are entity ids (the references Weerbaar derives), as JSON. */
function entityPropertiesJson(): string {
  const bySchema: Record<string, string[]> = {};
  for (const schema of Object.values(ftmModel().schemata)) {
    if (!schema) continue;
    for (const [name, property] of schema.getProperties())
      if (property.type.isEntity) (bySchema[schema.name] ??= []).push(name);
  }
  return JSON.stringify(bySchema);
}

const TABLES = `
  create table entities (dataset_id text not null, id text not null, schema text not null, caption text not null,
    caption_key text collate "C" not null, properties text not null, topics text not null,
    first_seen text not null, last_seen text not null, changed_at text not null, constraint entities_pk primary key (dataset_id, id));
  create index entities_caption_idx on entities (dataset_id, caption_key);
  create table entity_refs (dataset_id text not null, source_id text not null, property text not null,
    target_id text not null);
  create index entity_refs_source_idx on entity_refs (dataset_id, source_id);
  create index entity_refs_target_idx on entity_refs (dataset_id, target_id);
  create unlogged table staging (doc jsonb not null)`;

// Caption: the shortest name, else the schema (Weerbaar follows each schema's caption properties);
// caption key: lower case, cut at 200 (Weerbaar also strips diacritics and folds whitespace).
const UPSERT = `
  with rows as (
    select doc->>'id' as id, doc->>'schema' as schema, doc->'properties' as properties,
      coalesce((select v from jsonb_array_elements_text(doc->'properties'->'name') v order by length(v) limit 1),
        doc->>'schema') as caption
    from staging)
  insert into entities (dataset_id, id, schema, caption, caption_key, properties, topics, first_seen, last_seen,
    changed_at)
  select $1, id, schema, caption, left(lower(caption), 200), properties::text,
    coalesce(properties->'topics', '[]'::jsonb)::text, $2, $2, $2
  from rows
  on conflict (dataset_id, id) do update set schema = excluded.schema, caption = excluded.caption,
    caption_key = excluded.caption_key, properties = excluded.properties, topics = excluded.topics,
    last_seen = excluded.last_seen, changed_at = excluded.changed_at`;

const REFS = `
  insert into entity_refs (dataset_id, source_id, property, target_id)
  select distinct $1, s.doc->>'id', p.key, t.value
  from staging s
  cross join lateral jsonb_each(s.doc->'properties') p
  cross join lateral jsonb_array_elements_text(p.value) t
  where ($2::jsonb -> (s.doc->>'schema')) ? p.key`;

/** CPU seconds (user + system) and peak resident MB of a local process, from /proc; null when not readable. */
function processUsage(pid: number): { cpuMs: number; peakMb: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the line, in clock ticks (USER_HZ, 100 on Linux).
    const ticks = Number(fields[11]) + Number(fields[12]);
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuMs: ticks * 10, peakMb: Math.round(Number(hwm ?? 0) / 1024) };
  } catch {
    return null;
  }
}

async function load(client: pg.Client, file: ImportFile) {
  const copy = await measure(
    () =>
      client.query(
        new CopyFromFile(
          "copy staging (doc) from stdin with (format csv, quote e'\\x01', delimiter e'\\x02')",
          file.path,
        ),
      ).done,
  );
  const entityProperties = entityPropertiesJson();
  const at = new Date().toISOString();
  await client.query('begin');
  // JIT compilation costs seconds here and wins nothing on these plans.
  await client.query('set local jit = off');
  await client.query(
    "delete from entity_refs r using staging s where r.dataset_id = $1 and r.source_id = s.doc->>'id'",
    ['bench'],
  );
  const upserted = await client.query(UPSERT, ['bench', at]);
  const refs = await client.query(REFS, ['bench', entityProperties]);
  await client.query('commit');
  return { copyMs: copy.ms, copied: copy.value, entities: upserted.rowCount ?? 0, refs: refs.rowCount ?? 0 };
}

/** COPY into staging, then the upsert, in a fresh schema of the bench database (dropped afterwards). */
export async function postgresCopyRow(file: ImportFile, url: string): Promise<PeerResult> {
  const peer = 'PostgreSQL COPY + upsert';
  const what = 'COPY jsonb into staging, upsert into indexed entities/entity_refs';
  let client: pg.Client;
  try {
    client = await connectBench(url);
  } catch (error) {
    return skippedPeer(peer, `${what} (${url})`, error);
  }
  const schema = `b4copy_${randomBytes(4).toString('hex')}`;
  try {
    await client.query(`create schema ${schema}; set search_path = ${schema}`);
    await client.query(TABLES);
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
    const before = processUsage(pid);
    const run = await measure(() => load(client, file));
    const after = processUsage(pid);
    const serverCpuMs = before && after ? after.cpuMs - before.cpuMs : 0;
    const server: Record<string, number> = after ? { serverCpuMs, serverPeakRssMb: after.peakMb } : {};
    if (run.value.entities !== file.entities)
      return { peer, what, status: 'failed', message: `upserted ${run.value.entities} of ${file.entities} entities` };
    return {
      peer,
      what,
      status: 'ok',
      extra: {
        ...loadExtra(file.bytes, run.value.entities, run, serverCpuMs),
        ...server,
        copyMs: Math.round(run.value.copyMs),
        refs: run.value.refs,
      },
    };
  } catch (error) {
    return { ...skippedPeer(peer, what, error), status: 'failed' };
  } finally {
    await client.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await client.end();
  }
}

export const POSTGRES_COPY_NOTE =
  'PostgreSQL COPY: the lines go as they are into an unlogged staging table of jsonb (COPY checks JSON syntax), then one ' +
  "transaction deletes the staged ids' references and upserts entities (insert … on conflict do update, so a re-run " +
  'updates; a repeated id within one file would fail) and inserts the references of every entity-typed property of the ' +
  "FtM model, deduplicated, into tables with Weerbaar's columns, primary key and indexes (plain, logged). Caption is " +
  'the shortest name or the schema; no value validation, no diacritic folding, no row-level security, no audit. ' +
  'cpuMs is this process (streaming the file); serverCpuMs and serverPeakRssMb are the server backend, from /proc; ' +
  'mbPerCpuSecond counts both.';
