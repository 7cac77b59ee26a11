import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isFtmFileSource, readFtmItemLists, type ReadProgress, type SourceItem } from '../ftm-reader.js';
import type { LineProblem, ValidationOptions } from '../ftm-validation.js';
import { firstProblem, parseInBatches, type ParsedBatch } from './entity-batch.js';
import type { ParseJob, WorkerMessage } from './parse-job.js';

/** Smaller files are parsed before a worker thread would have started (it loads the FtM model too). */
const WORKER_MIN_BYTES = 4 * 1024 * 1024;

export type ParseOptions = {
  batchSize: number;
  /** What validation checks besides schema and property names (values by type for `import ftm`). */
  checks?: ValidationOptions | undefined;
  /** Parse a file source in a worker thread: by default when the file is at least a few MB. */
  useWorker?: boolean | undefined;
  /** Told when a worker was wanted but could not start (the parse then runs on this thread). */
  onWorkerUnavailable?: ((reason: string) => void) | undefined;
};

type FileRef = { path: string; progress: ReadProgress };

const wantsWorker = (file: FileRef, useWorker: boolean | undefined): boolean =>
  useWorker ?? fs.statSync(file.path).size >= WORKER_MIN_BYTES;

/** Batches of a source: a file from readFtmFile is parsed in a worker thread while this one writes. */
export function batchesOf(source: AsyncIterable<SourceItem>, options: ParseOptions): AsyncIterable<ParsedBatch> {
  if (!isFtmFileSource(source)) return parseInBatches(source, options.batchSize, options.checks);
  if (wantsWorker(source.file, options.useWorker)) return batchesInWorker(source.file, options);
  return parseInBatches(fileLists(source.file), options.batchSize, options.checks);
}

const fileLists = (file: FileRef) => readFtmItemLists(file.path, file.progress);

/** Strict mode's dry run over a source, in a worker thread for a file source like batchesOf. */
export async function firstProblemOf(source: AsyncIterable<SourceItem>, options: ParseOptions) {
  if (!isFtmFileSource(source)) return firstProblem(source, options.checks);
  const file = source.file;
  if (!wantsWorker(file, options.useWorker)) return firstProblem(fileLists(file), options.checks);
  const { batchSize, checks = {} } = options;
  const channel = new WorkerChannel({ path: file.path, mode: 'validate', batchSize, checks });
  try {
    if (!(await channel.started())) return unavailable(channel, options, () => firstProblem(fileLists(file), checks));
    const message = await channel.next();
    if (message.kind === 'error') throw new Error(message.message);
    if (message.kind !== 'checked') throw new Error(`parse worker answered ${message.kind}`);
    Object.assign(file.progress, message.progress);
    return message.problem satisfies LineProblem | null;
  } finally {
    await channel.close();
  }
}

async function* batchesInWorker(file: FileRef, options: ParseOptions) {
  const { batchSize, checks = {} } = options;
  const channel = new WorkerChannel({ path: file.path, mode: 'batches', batchSize, checks });
  try {
    if (!(await channel.started())) {
      yield* await unavailable(channel, options, async () => parseInBatches(fileLists(file), batchSize, checks));
      return;
    }
    for (;;) {
      const message = await channel.next();
      if (message.kind === 'error') throw new Error(message.message);
      if (message.kind === 'done') {
        Object.assign(file.progress, message.progress);
        return;
      }
      if (message.kind !== 'batch') throw new Error(`parse worker answered ${message.kind}`);
      Object.assign(file.progress, message.progress);
      yield message.parsed;
      // Acknowledged once written: the worker stays at most a couple of batches ahead.
      channel.acknowledge();
    }
  } finally {
    await channel.close();
  }
}

function unavailable<T>(channel: WorkerChannel, options: ParseOptions, fallback: () => Promise<T>): Promise<T> {
  options.onWorkerUnavailable?.(channel.startError ?? 'unknown');
  return fallback();
}

/**
 * The parse worker, read as a queue of its messages. Built, it is plain .js beside this file;
 * run from TypeScript sources (tsx, Vitest) it loads its .ts file through tsx.
 */
class WorkerChannel {
  private readonly worker: Worker;
  private readonly queue: WorkerMessage[] = [];
  private wake: (() => void) | null = null;
  startError: string | null = null;

  constructor(job: ParseJob) {
    this.worker = new Worker(workerEntry(), { workerData: job });
    this.worker.on('message', (message: WorkerMessage) => this.push(message));
    this.worker.on('error', (error: Error) => this.push({ kind: 'error', message: error.message }));
    this.worker.on('exit', (code: number) =>
      this.push({ kind: 'error', message: `the parse worker stopped early (exit code ${code})` }),
    );
  }

  private push(message: WorkerMessage): void {
    this.queue.push(message);
    this.wake?.();
  }

  async next(): Promise<WorkerMessage> {
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** True once the worker has loaded its code; false (with startError) when it could not. */
  async started(): Promise<boolean> {
    const first = await this.next();
    if (first.kind === 'ready') return true;
    this.startError = first.kind === 'error' ? first.message : `unexpected ${first.kind}`;
    return false;
  }

  acknowledge(): void {
    this.worker.postMessage('ack');
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    await this.worker.terminate();
  }
}

/**
 * The worker's module. From TypeScript sources a tiny ES module registers tsx in the worker first
 * (a worker does not inherit the loader hooks of the thread that starts it).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./parse-worker.js', import.meta.url);
  const tsxApi = path.join(
    path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  );
  const worker = new URL('./parse-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(pathToFileURL(tsxApi).href)};\nregister();\nawait import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
