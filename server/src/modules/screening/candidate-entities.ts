/**
 * The stored entities of match candidates, read on every screening request. The same read as
 * `entitiesByIds` (entity-read.service.ts), but with the SQL written once per number of ids
 * instead of built and compiled by the query builder on each call, and only the columns a
 * candidate needs. It runs on the request's own connection checkout, so PostgreSQL's row-level
 * security applies as to any other read; the caller has established access to the dataset.
 */
import { CompiledQuery } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { Dialect } from '../../db/database.js';
import { toStored, type StoredEntity, type StoredEntityRow } from '../entities/entity-read.service.js';

/** Ids per statement (as entitiesByIds reads them). */
const CHUNK = 500;

type Row = StoredEntityRow;

const statements = new Map<string, string>();

function statementFor(dialect: Dialect, count: number): string {
  const key = `${dialect}:${count}`;
  const known = statements.get(key);
  if (known) return known;
  const at = (n: number): string => (dialect === 'postgres' ? `$${n}` : '?');
  const ids = Array.from({ length: count }, (_, i) => at(i + 2)).join(', ');
  const text =
    'select "id", "schema", "caption", "properties", "topics", "first_seen", "last_seen" from "entities" ' +
    `where "dataset_id" = ${at(1)} and "id" in (${ids})`;
  statements.set(key, text);
  return text;
}

/** Entities of one dataset by id (unknown ids are left out; order as the store returns them). */
export async function candidateEntities(
  ctx: AppContext,
  datasetId: string,
  ids: readonly string[],
): Promise<StoredEntity[]> {
  const found: StoredEntity[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const query = CompiledQuery.raw(statementFor(ctx.dialect, chunk.length), [datasetId, ...chunk]);
    const { rows } = await ctx.db.executeQuery<Row>(query);
    for (const row of rows) found.push(toStored(row));
  }
  return found;
}
