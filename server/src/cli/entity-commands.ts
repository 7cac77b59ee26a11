import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { InvalidArgumentError, type Command } from 'commander';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { requireOrganisationBySlug } from '../modules/organisations/organisations.service.js';
import { createDataset, findDatasetForCli } from '../modules/entities/datasets.service.js';
import { datasetKinds, type DatasetKind } from '../modules/entities/entities.table.js';
import { readFtmFile, type FtmFileFormat, type ReadProgress } from '../modules/entities/ftm-reader.js';
import { formatCount, ProgressDisplay } from '../modules/entities/import/progress-display.js';
import { importFtmEntities, type ImportProgress, type ImportSummary } from '../modules/entities/ftm-import.service.js';
import { exportFtmLines } from '../modules/entities/ftm-export.service.js';
import { findDataset } from '../modules/entities/entities.repository.js';
import { enginesFor, engineStats } from '../modules/screening/engine-cache.js';
import { writeRegister } from '../modules/entities/generator/write-register.js';
import { generateQueries } from '../modules/entities/generator/queries.js';

type WithContext = (fn: (ctx: AppContext) => Promise<void>) => Promise<void>;
/** Where a command writes; tests pass their own to read what it said. */
export type Output = { write(text: string): unknown; isTTY?: boolean; columns?: number };

export type ImportFtmOptions = {
  dataset: string;
  org?: string;
  strict?: boolean;
  kind?: DatasetKind;
  title?: string;
  batchSize?: number;
  /** `--no-engines` sets it false: skip building the screening engines' snapshots after the import. */
  engines?: boolean;
};

/**
 * Builds the dataset's screening engines (matcher index and entity graph) for its new content
 * version and writes their snapshots, so the server's first screening loads them (a fraction of a
 * second) instead of rebuilding from the store while it serves.
 */
export async function prepareScreeningEngines(ctx: AppContext, datasetId: string, stderr: Output): Promise<void> {
  const dataset = await findDataset(ctx.db, datasetId);
  if (!dataset) return;
  const started = Date.now();
  const before = engineStats(ctx.db);
  await enginesFor(ctx, dataset);
  const after = engineStats(ctx.db);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const how =
    after.updates > before.updates
      ? 'updated with the entities changed since their last snapshot'
      : after.builds > before.builds
        ? 'built'
        : 'already up to date';
  stderr.write(`Screening engines ${how} and saved as snapshots in ${seconds} s (skip with --no-engines).\n`);
}

/** Bad lines printed one by one; after that only counted (the summary gives the total). */
const PRINTED_PROBLEMS = 100;

const positiveInteger =
  (max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
    return n;
  };
const kindOf = (value: string): DatasetKind => {
  if (!(datasetKinds as readonly string[]).includes(value))
    throw new InvalidArgumentError(`one of ${datasetKinds.join(', ')}`);
  return value as DatasetKind;
};

async function datasetForImport(ctx: AppContext, opts: ImportFtmOptions) {
  const organisationId = opts.org ? (await requireOrganisationBySlug(ctx, opts.org)).id : null;
  const existing = await findDatasetForCli(ctx, opts.dataset, organisationId);
  if (existing) return existing;
  if (!organisationId)
    throw new AppError('not_found', `no dataset "${opts.dataset}" yet; name its organisation with --org to create it`);
  return createDataset(ctx, organisationId, {
    name: opts.dataset,
    title: opts.title ?? opts.dataset,
    kind: opts.kind ?? 'eigen_registratie',
  });
}

const rates = (p: ImportProgress): string => {
  const seconds = Math.max(p.elapsedMs, 1) / 1000;
  return `${formatCount(p.imported / seconds)} entities/s, ${(p.bytes / 1e6 / seconds).toFixed(1)} MB/s`;
};

/** Exit status of an import that completed but skipped bad lines (a refused --strict run exits 1). */
export const EXIT_SKIPPED_LINES = 2;

const importHelp = `
Bad lines (invalid JSON, unknown schema or property, a value that does not fit its FtM type such
as a birthDate that is not an ISO 8601 date or an unknown country code) are listed with their line
number, property and reason, and skipped whole; the good lines are imported. A property given as
a bare string is taken as a one-value array, as FtM itself does.

Exit status:
  0  every line was imported
  1  the import failed or was refused; with --strict: a line was bad, nothing was imported
  2  the import completed, but bad lines were skipped (listed on standard error)`;

/** `import ftm`: streams a file into a dataset (created on first import when --org is given). */
export async function runImportFtm(
  ctx: AppContext,
  file: string,
  opts: ImportFtmOptions,
  stderr: Output,
): Promise<ImportSummary> {
  if (!fs.existsSync(file)) throw new AppError('not_found', `cannot read ${file}`);
  const dataset = await datasetForImport(ctx, opts);
  const totalBytes = fs.statSync(file).size;
  const isGzip = isGzipFile(file);
  let reading: ReadProgress = { bytes: 0 };
  // Strict mode reads the file twice; each read counts its bytes afresh.
  const source = () => readFtmFile(file, (reading = { bytes: 0 }));
  const display = new ProgressDisplay(stderr);
  const snapshot = (p: ImportProgress, fileBytes = reading.fileBytes ?? 0) => ({
    entities: p.imported,
    bytes: p.bytes,
    fileBytes,
    totalBytes,
    isGzip,
    elapsedMs: p.elapsedMs,
  });
  let printed = 0;
  const summary = await importFtmEntities(ctx, dataset.id, source, {
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    isStrict: opts.strict === true,
    checkValues: true,
    bytesRead: () => reading.bytes,
    onProblem: (p) => {
      if (printed++ < PRINTED_PROBLEMS) display.message(`line ${p.line}: ${p.reason}\n`);
    },
    onBatch: (p) => display.update(snapshot(p)),
  });
  display.update(snapshot(summary, totalBytes), true);
  display.finish();
  stderr.write(summaryText(summary, opts.dataset, reading.format ?? 'lines'));
  return summary;
}

function summaryText(summary: ImportSummary, dataset: string, format: FtmFileFormat): string {
  const unit = format === 'array' ? 'array elements' : 'lines';
  const text =
    `Imported ${formatCount(summary.imported)} entities into ${dataset} from ${formatCount(summary.lines)} ${unit} ` +
    `(${formatCount(summary.bad)} bad) in ${(summary.elapsedMs / 1000).toFixed(1)} s: ${rates(summary)}; ` +
    `the dataset holds ${formatCount(summary.entityCount)} entities.\n`;
  if (summary.bad === 0) return text;
  const listed = summary.bad > PRINTED_PROBLEMS ? `the first ${PRINTED_PROBLEMS} are listed above` : 'listed above';
  const noun = format === 'array' ? 'array element' : 'line';
  const what = summary.bad === 1 ? `${noun} was` : `${noun}s were`;
  return `${text}${formatCount(summary.bad)} bad ${what} skipped (${listed}); exit status ${EXIT_SKIPPED_LINES}.\n`;
}

/** Whether a file starts with gzip's magic bytes (for a .gz file by another name). */
function isGzipFile(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** `export ftm`: writes a dataset as FtM JSON lines to a file (gzip when it ends in .gz) or to `stdout`. */
export async function runExportFtm(
  ctx: AppContext,
  opts: { dataset: string; org?: string; out?: string },
  stdout: NodeJS.WritableStream,
): Promise<void> {
  const organisationId = opts.org ? (await requireOrganisationBySlug(ctx, opts.org)).id : null;
  const dataset = await findDatasetForCli(ctx, opts.dataset, organisationId);
  if (!dataset) throw new AppError('not_found', `no dataset "${opts.dataset}"`);
  const source = Readable.from(exportFtmLines(ctx, dataset.id));
  if (!opts.out) return pipeline(source, stdout, { end: false });
  const file = fs.createWriteStream(opts.out);
  if (opts.out.endsWith('.gz')) await pipeline(source, createGzip({ level: 6 }), file);
  else await pipeline(source, file);
}

/** `weerbaar import ftm`, `export ftm` and `generate register`. */
export function registerEntityCommands(program: Command, withContext: WithContext): void {
  const importer =
    program.commands.find((c) => c.name() === 'import') ?? program.command('import').description('import data');
  importer
    .command('ftm <file>')
    .description(
      'stream FtM entities (JSON lines or a JSON array, optionally gzipped) into a dataset; ids are kept, re-import updates',
    )
    .requiredOption('--dataset <name>', 'dataset name (created on first import when --org is given)')
    .option('--org <slug>', 'organisation that owns the dataset')
    .option('--strict', 'refuse the whole file at its first bad line (nothing is imported; exit status 1)')
    .option('--kind <kind>', `kind of a new dataset: ${datasetKinds.join(', ')}`, kindOf)
    .option('--title <title>', 'title of a new dataset')
    .option('--batch-size <n>', 'entities per transaction (default 20000)', positiveInteger(50_000))
    .option('--no-engines', 'do not build the screening engines and their snapshots after the import')
    .addHelpText('after', importHelp)
    .action((file: string, opts: ImportFtmOptions) =>
      withContext(async (ctx) => {
        const summary = await runImportFtm(ctx, file, opts, process.stderr);
        if (summary.bad > 0) process.exitCode = EXIT_SKIPPED_LINES;
        if (opts.engines !== false) await prepareScreeningEngines(ctx, summary.datasetId, process.stderr);
      }),
    );
  const exporter =
    program.commands.find((c) => c.name() === 'export') ?? program.command('export').description('export data');
  exporter
    .command('ftm')
    .description('write a dataset as FtM JSON lines')
    .requiredOption('--dataset <name>', 'dataset name')
    .option('--org <slug>', 'organisation that owns the dataset')
    .option('--out <file>', 'file to write (gzip when it ends in .gz); default standard output')
    .action((opts: { dataset: string; org?: string; out?: string }) =>
      withContext((ctx) => runExportFtm(ctx, opts, process.stdout)),
    );
  registerGenerateCommand(program);
}

function registerGenerateCommand(program: Command): void {
  const generate =
    program.commands.find((c) => c.name() === 'generate') ??
    program.command('generate').description('generate synthetic data');
  generate
    .command('register')
    .description('write a deterministic synthetic Dutch register in FtM (demo and benchmark data)')
    .requiredOption('--persons <n>', 'ordinary persons', positiveInteger(50_000_000))
    .option('--seed <n>', 'random seed', positiveInteger(2 ** 31), 1)
    .requiredOption('--out <file>', 'JSON lines file (gzip when it ends in .gz)')
    .option('--queries <file>', 'also write ground-truth screening queries as JSON')
    .option('--query-count <n>', 'number of ground-truth queries', positiveInteger(1_000_000), 1_000)
    .action(async (opts: { persons: number; seed: number; out: string; queries?: string; queryCount: number }) => {
      const started = Date.now();
      const { entities } = await writeRegister(opts.out, { persons: opts.persons, seed: opts.seed });
      if (opts.queries) {
        const queries = generateQueries({
          register: { persons: opts.persons, seed: opts.seed },
          count: opts.queryCount,
          seed: opts.seed,
        });
        fs.writeFileSync(opts.queries, `${JSON.stringify(queries, null, 1)}\n`);
      }
      process.stderr.write(
        `Wrote ${entities} entities to ${opts.out} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    });
}
