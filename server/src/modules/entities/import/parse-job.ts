import type { ReadProgress } from '../ftm-reader.js';
import type { LineProblem, ValidationOptions } from '../ftm-validation.js';
import type { ParsedBatch } from './entity-batch.js';

/** What the parse worker is asked to do: batches for writing, or a strict dry run. */
export type ParseJob = { path: string; mode: 'batches' | 'validate'; batchSize: number; checks: ValidationOptions };

/** What the parse worker says; `progress` is how far its reading has come (a copy). */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'batch'; parsed: ParsedBatch; progress: ReadProgress }
  | { kind: 'done'; progress: ReadProgress }
  | { kind: 'checked'; problem: LineProblem | null; progress: ReadProgress }
  | { kind: 'error'; message: string };
