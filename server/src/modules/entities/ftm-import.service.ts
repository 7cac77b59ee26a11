import { sql } from 'kysely';
import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import type { SourceItem } from './ftm-reader.js';
import type { LineProblem } from './ftm-validation.js';
import { batchesOf, firstProblemOf, type ParseOptions } from './import/batch-sources.js';
import type { ParsedBatch } from './import/entity-batch.js';
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
  /** Parse a file from readFtmFile in a worker thread; by default when it is a few MB or more. */
  useWorker?: boolean;
  /**
   * Also check every value against its property's FtM type (dates, countries, e-mail, …), as
   * `import ftm` does. Off by default for entities validated elsewhere: a screening's applicant
   * keeps the free date forms the matcher reads ("3-4-1979").
   */
  checkValues?: boolean;
};

export type ImportSummary = ImportProgress & { datasetId: string; entityCount: number; problems: LineProblem[] };

/** Problems kept for the summary; all are counted and passed to onProblem as they come. */
const KEPT_PROBLEMS = 1_000;

/**
 * Large enough that commits (an fsync each with synchronous=FULL) and per-batch work vanish in
 * the cost per entity, small enough that a batch in flight stays a few MB and a failure loses little.
 */
export const DEFAULT_BATCH_SIZE = 20_000;

/** `at` dates the run's writes (first_seen, last_seen, changed_at). */
type Run = { progress: ImportProgress; problems: LineProblem[]; started: number; at: string };

/**
 * The later of now and the dataset's `updated_at`: an import never dates its changes before an
 * earlier import's, even when this process's clock is behind the one that wrote those, so the
 * screening engines, which read the changes after their last build (engine-build.ts), miss none.
 */
const notBefore = (now: Date, earlier: string): string => {
  const iso = now.toISOString();
  return iso > earlier ? iso : earlier;
};

function parseOptionsOf(ctx: AppContext, options: ImportOptions): ParseOptions {
  return {
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    checks: { checkValues: options.checkValues === true },
    useWorker: options.useWorker,
    onWorkerUnavailable: (reason) => ctx.logger.warn({ reason }, 'FtM import parses on the main thread'),
  };
}

/** Strict mode: validates the whole source without writing and refuses it at the first bad line. */
async function assertNoProblems(source: AsyncIterable<SourceItem>, parse: ParseOptions): Promise<void> {
  const problem = await firstProblemOf(source, parse);
  if (!problem) return;
  const { line, reason } = problem;
  const message =
    `${reason}. Nothing was imported: strict mode refuses the whole file at its first bad line ` +
    '(without it, the good lines are imported and every bad line is listed)';
  throw new AppError('validation_failed', `line ${line}: ${message}`, { issues: [{ path: `line ${line}`, message }] });
}

function countProblems(run: Run, { problems, items }: ParsedBatch, options: ImportOptions): void {
  run.progress.lines += items;
  run.progress.bad += problems.length;
  for (const problem of problems) {
    if (run.problems.length < KEPT_PROBLEMS) run.problems.push(problem);
    options.onProblem?.(problem);
  }
}

/** Writes each batch in its own transaction as it comes, reporting bad lines and progress. */
async function writeInBatches(
  ctx: AppContext,
  datasetId: string,
  batches: AsyncIterable<ParsedBatch>,
  options: ImportOptions,
  run: Run,
): Promise<void> {
  const { at } = run;
  // Nothing to look up in an empty dataset; a repeated id still shows itself on insert.
  const isFresh = !(await repo.hasEntities(ctx.db, datasetId));
  for await (const parsed of batches) {
    countProblems(run, parsed, options);
    await repo.upsertEntities(ctx.db, ctx.dialect, datasetId, parsed.batch, { at, isFresh });
    run.progress.imported += parsed.batch.ids.length;
    run.progress.bytes = options.bytesRead?.() ?? 0;
    run.progress.elapsedMs = Date.now() - run.started;
    options.onBatch?.({ ...run.progress });
  }
}

/** Refreshes the dataset's count and version (what the screening engine cache keys on) and audits the run. */
async function finish(
  ctx: AppContext,
  organisationId: string,
  datasetId: string,
  run: Run,
  result: 'success' | 'failure',
) {
  // After the run's writes, even on a clock behind: the dataset's version must move on.
  const after = new Date(Math.max(ctx.clock.now().getTime(), Date.parse(run.at) + 1));
  const entityCount = await repo.refreshEntityCount(ctx.db, datasetId, after.toISOString());
  const { lines, imported, bad } = run.progress;
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'dataset.import',
    result,
    actorUserId: null,
    organisationId,
    objectType: 'dataset',
    objectId: datasetId,
    details: { lines, imported, bad },
  });
  return entityCount;
}

/**
 * Imports FtM entities into a dataset in batches of upserts (ids kept, re-import idempotent).
 * Bad lines are reported and skipped; with isStrict nothing is written if any line is bad.
 * `source` is called once, or twice in strict mode (validate, then write); a source from
 * readFtmFile is parsed in a worker thread while this thread writes.
 * When a run fails after some batches were written, those stay (each batch is whole), the
 * dataset's count and version still move and the failure is audited; a rerun completes it.
 */
export async function importFtmEntities(
  ctx: AppContext,
  datasetId: string,
  source: () => AsyncIterable<SourceItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const dataset = await repo.findDataset(ctx.db, datasetId);
  if (!dataset) throw new AppError('not_found', 'dataset not found');
  const parse = parseOptionsOf(ctx, options);
  if (options.isStrict) await assertNoProblems(source(), parse);
  // SQLite's default 2 MB page cache thrashes once the entity indexes outgrow it; 64 MB keeps
  // index maintenance in memory (setting is per connection, the CLI and server hold one).
  if (ctx.dialect === 'sqlite') await sql`pragma cache_size = -65536`.execute(ctx.db);
  const run: Run = {
    progress: { lines: 0, imported: 0, bad: 0, bytes: 0, elapsedMs: 0 },
    problems: [],
    started: Date.now(),
    at: notBefore(ctx.clock.now(), dataset.updated_at),
  };
  try {
    await writeInBatches(ctx, datasetId, batchesOf(source(), parse), options, run);
  } catch (error) {
    if (run.progress.imported > 0)
      await finish(ctx, dataset.organisation_id, datasetId, run, 'failure').catch((secondary: unknown) =>
        ctx.logger.error({ err: secondary }, 'could not record the failed FtM import'),
      );
    throw error;
  }
  const entityCount = await finish(ctx, dataset.organisation_id, datasetId, run, 'success');
  return { ...run.progress, datasetId, entityCount, problems: run.problems };
}
