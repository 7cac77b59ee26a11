import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EntityBatch } from './entity-batch.js';
import type { UpsertOptions } from './sqlite-upsert.js';

const pick = (values: readonly string[], at: readonly number[]): string[] => at.map((i) => values[i] ?? '');

const SEPARATOR = '\u001f';

/**
 * A text array parameter. Sent as one string split on the unit separator where no value holds
 * one (JSON text and ids never do): node-postgres escapes every element of an array literal with
 * two regular expressions, and the server parses the plain split faster too. One value is
 * sent as an array (an empty string would split into no element).
 */
function textArray(values: readonly string[]): RawBuilder<string[]> {
  if (values.length < 2 || values.some((v) => v.includes(SEPARATOR))) return sql<string[]>`${values}::text[]`;
  return sql<string[]>`string_to_array(${values.join(SEPARATOR)}, chr(31))`;
}

/** The entity columns of the entities at `at`, as text arrays for unnest. */
const columns = (b: EntityBatch, at: readonly number[]) =>
  [b.ids, b.schemas, b.captions, b.captionKeys, b.properties, b.topics].map((values) => textArray(pick(values, at)));

/** Moves `last_seen` of the stored entities whose content is unchanged; returns their ids. */
async function touchUnchanged(trx: Kysely<Database>, datasetId: string, b: EntityBatch, at: string) {
  const [ids, schemas, captions, keys, properties] = columns(
    b,
    b.ids.map((_, i) => i),
  );
  const { rows } = await sql<{ id: string }>`
    update entities e set last_seen = ${at}
    from unnest(${ids}, ${schemas}, ${captions}, ${keys}, ${properties}) as u(id, schema, caption, caption_key, properties)
    where e.dataset_id = ${datasetId} and e.id = u.id and e.properties = u.properties and e.schema = u.schema
      and e.caption = u.caption and e.caption_key = u.caption_key collate "C"
    returning e.id`.execute(trx);
  return new Set(rows.map((r) => r.id));
}

/** New or changed entities: upserted (`first_seen` kept by the update, `changed_at` set), their references replaced. */
async function replaceEntities(
  trx: Kysely<Database>,
  datasetId: string,
  b: EntityBatch,
  at: string,
  positions: number[],
) {
  if (positions.length === 0) return;
  const [ids, schemas, captions, keys, properties, topics] = columns(b, positions);
  await sql`
    insert into entities (dataset_id, id, schema, caption, caption_key, properties, topics, first_seen, last_seen, changed_at)
    select ${datasetId}, u.id, u.schema, u.caption, u.caption_key, u.properties, u.topics, ${at}, ${at}, ${at}
    from unnest(${ids}, ${schemas}, ${captions}, ${keys}, ${properties}, ${topics}) as u(id, schema, caption, caption_key, properties, topics)
    on conflict (dataset_id, id) do update set schema = excluded.schema, caption = excluded.caption,
      caption_key = excluded.caption_key, properties = excluded.properties, topics = excluded.topics,
      last_seen = excluded.last_seen, changed_at = excluded.changed_at`.execute(trx);
  await sql`delete from entity_refs where dataset_id = ${datasetId} and source_id = any(${ids})`.execute(trx);
  await insertRefs(trx, datasetId, b, positions);
}

async function insertRefs(trx: Kysely<Database>, datasetId: string, b: EntityBatch, positions: number[]) {
  const sources: string[] = [];
  const properties: string[] = [];
  const targets: string[] = [];
  for (const i of positions) {
    const end = b.refStarts[i + 1] ?? 0;
    for (let r = b.refStarts[i] ?? end; r < end; r++) {
      sources.push(b.ids[i] ?? '');
      properties.push(b.refProperties[r] ?? '');
      targets.push(b.refTargets[r] ?? '');
    }
  }
  if (sources.length === 0) return;
  await sql`
    insert into entity_refs (dataset_id, source_id, property, target_id)
    select ${datasetId}, u.source_id, u.property, u.target_id
    from unnest(${textArray(sources)}, ${textArray(properties)}, ${textArray(targets)}) as u(source_id, property, target_id)`.execute(
    trx,
  );
}

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * A fresh dataset's batch as plain inserts: no conflict handling (PostgreSQL's speculative insert
 * costs about a third more per row). Returns false when an id was stored already (a repeat from
 * an earlier batch of the same file): the savepoint undoes the attempt and the caller plans.
 */
async function insertOptimistically(trx: Kysely<Database>, datasetId: string, b: EntityBatch, at: string) {
  const all = b.ids.map((_, i) => i);
  const [ids, schemas, captions, keys, properties, topics] = columns(b, all);
  await sql`savepoint fresh_batch`.execute(trx);
  try {
    await sql`
      insert into entities (dataset_id, id, schema, caption, caption_key, properties, topics, first_seen, last_seen, changed_at)
      select ${datasetId}, u.id, u.schema, u.caption, u.caption_key, u.properties, u.topics, ${at}, ${at}, ${at}
      from unnest(${ids}, ${schemas}, ${captions}, ${keys}, ${properties}, ${topics}) as u(id, schema, caption, caption_key, properties, topics)`.execute(
      trx,
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await sql`rollback to savepoint fresh_batch`.execute(trx);
    return false;
  }
  await sql`release savepoint fresh_batch`.execute(trx);
  await insertRefs(trx, datasetId, b, all);
  return true;
}

/**
 * Writes one batch inside the caller's transaction in a few statements, whatever its size: the
 * columns travel as text arrays and `unnest` turns them back into rows (no statement per row,
 * no parameter limit). Into a fresh dataset, plain inserts. Otherwise unchanged stored entities
 * only get `last_seen` (one update that compares on the server), and the rest (new or changed)
 * are upserted with `first_seen` kept and their references replaced. Row-level security applies
 * as to any write.
 */
export async function upsertBatchPostgres(
  trx: Kysely<Database>,
  datasetId: string,
  batch: EntityBatch,
  { at, isFresh }: UpsertOptions,
): Promise<void> {
  if (isFresh && (await insertOptimistically(trx, datasetId, batch, at))) return;
  const touched = await touchUnchanged(trx, datasetId, batch, at);
  const rest = batch.ids.flatMap((id, i) => (touched.has(id) ? [] : [i]));
  await replaceEntities(trx, datasetId, batch, at, rest);
}
