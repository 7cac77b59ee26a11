/**
 * The stored entities of match candidates, read on every screening request. The same read as
 * `entitiesByIds` (entity-read.service.ts), but with the SQL written once per number of ids
 * instead of built and compiled by the query builder on each call, and only the columns a
 * candidate needs (for a record's names, only the captions). It runs on the request's own
 * connection checkout, so PostgreSQL's row-level security applies as to any other read; the
 * caller has established access to the dataset.
 */
import { CompiledQuery } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Dialect } from '../../db/database.js';
import { toStored, type StoredEntity, type StoredEntityRow } from '../entities/entity-read.service.js';

/** Ids per statement (as entitiesByIds reads them). */
const CHUNK = 500;

type Row = StoredEntityRow;

const ENTITY_COLUMNS = '"id", "schema", "caption", "properties", "topics", "first_seen", "last_seen"';
const CAPTION_COLUMNS = '"id", "schema", "caption"';
const statements = new Map<string, string>();

function statementFor(dialect: Dialect, columns: string, count: number): string {
  const key = `${dialect}:${columns}:${count}`;
  const known = statements.get(key);
  if (known) return known;
  const at = (n: number): string => (dialect === 'postgres' ? `$${n}` : '?');
  const ids = Array.from({ length: count }, (_, i) => at(i + 2)).join(', ');
  const text = `select ${columns} from "entities" where "dataset_id" = ${at(1)} and "id" in (${ids})`;
  statements.set(key, text);
  return text;
}

async function readRows<T>(ctx: AppContext, columns: string, datasetId: string, ids: readonly string[]): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const query = CompiledQuery.raw(statementFor(ctx.dialect, columns, chunk.length), [datasetId, ...chunk]);
    const { rows } = await ctx.db.executeQuery<T>(query);
    for (const row of rows) found.push(row);
  }
  return found;
}

/** Entities of one dataset by id (unknown ids are left out; order as the store returns them). */
export async function candidateEntities(
  ctx: AppContext,
  datasetId: string,
  ids: readonly string[],
): Promise<StoredEntity[]> {
  return (await readRows<Row>(ctx, ENTITY_COLUMNS, datasetId, ids)).map(toStored);
}

/** What a screening record names an entity by. */
export type EntityCaption = { id: string; schema: string; caption: string };

/** Captions and schemata of one dataset's entities by id (unknown ids are left out): no JSON to parse. */
export function entityCaptions(ctx: AppContext, datasetId: string, ids: readonly string[]): Promise<EntityCaption[]> {
  return readRows<EntityCaption>(ctx, CAPTION_COLUMNS, datasetId, ids);
}
