import { sql, type Insertable } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { EntitiesTable, EntityRefsTable } from './entities.table.js';
import type { SourceItem } from './ftm-reader.js';
import { captionKey, validateFtmEntity, type LineProblem, type ValidEntity } from './ftm-validation.js';
import * as repo from './entities.repository.js';

export type ImportProgress = { lines: number; imported: number; bad: number; bytes: number; elapsedMs: number };

export type ImportOptions = {
  /** Entities per transaction: a failure loses at most one batch, and a rerun repairs it. */
  batchSize?: number;
  /** Refuse the whole file if any line is bad: validate everything first, write nothing. */
  isStrict?: boolean;
  onProblem?: (problem: LineProblem) => void;
  onBatch?: (progress: ImportProgress) => void;
  /** Uncompressed bytes read so far, when the source is a file. */
  bytesRead?: () => number;
};

export type ImportSummary = ImportProgress & { datasetId: string; entityCount: number; problems: LineProblem[] };

/** Problems kept for the summary; all are counted and passed to onProblem as they come. */
const KEPT_PROBLEMS = 1_000;

type Batch = Map<string, ValidEntity>;

function check(item: SourceItem): { ok: true; value: ValidEntity } | { ok: false; problem: LineProblem } {
  if ('error' in item) return { ok: false, problem: { line: item.line, reason: item.error } };
  const result = validateFtmEntity(item.value);
  if (result.ok) return result;
  const problem: LineProblem = { line: item.line, reason: result.reason };
  if (result.property) problem.property = result.property;
  return { ok: false, problem };
}

/** Strict mode: validates the whole source without writing and refuses it at the first bad line. */
async function assertNoProblems(source: AsyncIterable<SourceItem>): Promise<void> {
  for await (const item of source) {
    const result = check(item);
    if (result.ok) continue;
    const { line, reason, property } = result.problem;
    const message = `${reason}; nothing was imported (--strict)`;
    throw new AppError('validation_failed', `line ${line}: ${message}`, {
      issues: [{ path: `line ${line}${property ? ` (${property})` : ''}`, message }],
    });
  }
}

async function writeBatch(ctx: AppContext, datasetId: string, batch: Batch, at: string): Promise<void> {
  const rows: Insertable<EntitiesTable>[] = [];
  const refs: Insertable<EntityRefsTable>[] = [];
  for (const { entity, caption, topics, refs: entityRefs } of batch.values()) {
    rows.push({
      dataset_id: datasetId,
      id: entity.id,
      schema: entity.schema,
      caption,
      caption_key: captionKey(caption),
      properties: JSON.stringify(entity.properties),
      topics: JSON.stringify(topics),
      first_seen: at,
      last_seen: at,
    });
    for (const r of entityRefs)
      refs.push({ dataset_id: datasetId, source_id: entity.id, property: r.property, target_id: r.targetId });
  }
  await ctx.db.transaction().execute((trx) => repo.upsertEntities(trx, rows, refs));
}

type Run = { progress: ImportProgress; problems: LineProblem[] };

/** Reads the source once, writing a transaction per batch and collecting the bad lines. */
async function writeInBatches(
  ctx: AppContext,
  datasetId: string,
  source: AsyncIterable<SourceItem>,
  options: ImportOptions,
): Promise<Run> {
  const started = Date.now();
  const at = ctx.clock.now().toISOString();
  const run: Run = { progress: { lines: 0, imported: 0, bad: 0, bytes: 0, elapsedMs: 0 }, problems: [] };
  const { progress, problems } = run;
  let batch: Batch = new Map();
  const flush = async (): Promise<void> => {
    if (batch.size > 0) await writeBatch(ctx, datasetId, batch, at);
    progress.imported += batch.size;
    batch = new Map();
    progress.bytes = options.bytesRead?.() ?? 0;
    progress.elapsedMs = Date.now() - started;
    options.onBatch?.({ ...progress });
  };
  for await (const item of source) {
    progress.lines++;
    const result = check(item);
    if (!result.ok) {
      progress.bad++;
      if (problems.length < KEPT_PROBLEMS) problems.push(result.problem);
      options.onProblem?.(result.problem);
      continue;
    }
    // A repeated id within a batch: the later line wins, as it would across batches.
    batch.delete(result.value.entity.id);
    batch.set(result.value.entity.id, result.value);
    if (batch.size >= (options.batchSize ?? 1_000)) await flush();
  }
  await flush();
  return run;
}

/**
 * Imports FtM entities into a dataset in batches of upserts (ids kept, re-import idempotent).
 * Bad lines are reported and skipped; with isStrict nothing is written if any line is bad.
 * `source` is called once, or twice in strict mode (validate, then write).
 */
export async function importFtmEntities(
  ctx: AppContext,
  datasetId: string,
  source: () => AsyncIterable<SourceItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const dataset = await repo.findDataset(ctx.db, datasetId);
  if (!dataset) throw new AppError('not_found', 'dataset not found');
  if (options.isStrict) await assertNoProblems(source());
  // SQLite's default 2 MB page cache thrashes once the entity indexes outgrow it; 64 MB keeps
  // index maintenance in memory (setting is per connection, the CLI and server hold one).
  if (ctx.dialect === 'sqlite') await sql`pragma cache_size = -65536`.execute(ctx.db);
  const { progress, problems } = await writeInBatches(ctx, datasetId, source(), options);
  const entityCount = await repo.refreshEntityCount(ctx.db, datasetId, ctx.clock.now().toISOString());
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'dataset.import',
    result: 'success',
    actorUserId: null,
    organisationId: dataset.organisation_id,
    objectType: 'dataset',
    objectId: datasetId,
    details: { lines: progress.lines, imported: progress.imported, bad: progress.bad },
  });
  return { ...progress, datasetId, entityCount, problems };
}
