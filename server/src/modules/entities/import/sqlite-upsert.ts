import type SQLite from 'better-sqlite3';
import type { EntityBatch } from './entity-batch.js';

/** When a batch is written, and whether the dataset held no entities when the import began. */
export type UpsertOptions = { at: string; isFresh: boolean };

type Stored = [schema: string, caption: string, captionKey: string, properties: string];

type Statements = {
  stored: SQLite.Statement<[string, string], Stored>;
  insert: SQLite.Statement<[string, string, string, string, string, string, string, string, string, string]>;
  update: SQLite.Statement<[string, string, string, string, string, string, string, string, string]>;
  touch: SQLite.Statement<[string, string, string]>;
  deleteRefs: SQLite.Statement<[string, string]>;
  insertRef: SQLite.Statement<[string, string, string, string]>;
};

const statementsByHandle = new WeakMap<SQLite.Database, Statements>();

function statementsOf(raw: SQLite.Database): Statements {
  const cached = statementsByHandle.get(raw);
  if (cached) return cached;
  const statements: Statements = {
    stored: raw
      .prepare<[string, string], Stored>(
        'select schema, caption, caption_key, properties from entities where dataset_id = ? and id = ?',
      )
      .raw(true),
    insert: raw.prepare(
      `insert into entities (dataset_id, id, schema, caption, caption_key, properties, topics, first_seen, last_seen, changed_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dataset_id, id) do nothing`,
    ),
    update: raw.prepare(
      `update entities set schema = ?, caption = ?, caption_key = ?, properties = ?, topics = ?, last_seen = ?,
       changed_at = ? where dataset_id = ? and id = ?`,
    ),
    touch: raw.prepare('update entities set last_seen = ? where dataset_id = ? and id = ?'),
    deleteRefs: raw.prepare('delete from entity_refs where dataset_id = ? and source_id = ?'),
    insertRef: raw.prepare('insert into entity_refs (dataset_id, source_id, property, target_id) values (?, ?, ?, ?)'),
  };
  statementsByHandle.set(raw, statements);
  return statements;
}

const isUnchanged = (stored: Stored, batch: EntityBatch, i: number): boolean =>
  stored[3] === batch.properties[i] &&
  stored[0] === batch.schemas[i] &&
  stored[2] === batch.captionKeys[i] &&
  stored[1] === batch.captions[i];

/**
 * Writes one batch in one transaction with prepared single-row statements (SQLite runs them in
 * process, so a statement per row costs no round trip and nothing is compiled per batch).
 * A new id is inserted with its references; an id already stored keeps `first_seen`, and only
 * when its content differs are the row rewritten and its references replaced; otherwise only
 * `last_seen` moves (`changed_at` marks inserts and content changes only). In a fresh dataset
 * nothing is looked up first: the insert itself tells a repeated id (from an earlier batch of the
 * same file), which then takes the update path.
 * Relies on references existing only beside their entity (both are written and deleted together).
 */
export function upsertBatchSqlite(
  raw: SQLite.Database,
  datasetId: string,
  batch: EntityBatch,
  { at, isFresh }: UpsertOptions,
): void {
  const s = statementsOf(raw);
  const { ids, schemas, captions, captionKeys, properties, topics, refStarts, refProperties, refTargets } = batch;
  const insertRefs = (i: number, id: string): void => {
    const end = refStarts[i + 1] ?? 0;
    for (let r = refStarts[i] ?? end; r < end; r++)
      s.insertRef.run(datasetId, id, refProperties[r] ?? '', refTargets[r] ?? '');
  };
  raw.transaction(() => {
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? '';
      const schema = schemas[i] ?? '';
      const caption = captions[i] ?? '';
      const key = captionKeys[i] ?? '';
      const props = properties[i] ?? '';
      const topicsJson = topics[i] ?? '[]';
      const stored = isFresh ? undefined : s.stored.get(datasetId, id);
      if (stored && isUnchanged(stored, batch, i)) {
        s.touch.run(at, datasetId, id);
        continue;
      }
      if (!stored && s.insert.run(datasetId, id, schema, caption, key, props, topicsJson, at, at, at).changes === 1) {
        insertRefs(i, id);
        continue;
      }
      s.update.run(schema, caption, key, props, topicsJson, at, at, datasetId, id);
      s.deleteRefs.run(datasetId, id);
      insertRefs(i, id);
    }
  })();
}
