import type { LineProblem } from '../ftm-validation.js';
import type { ParsedBatch } from './entity-batch.js';

/** What the parse worker is asked to do: batches for writing, or a strict dry run. */
export type ParseJob = { path: string; mode: 'batches' | 'validate'; batchSize: number };

/** What the parse worker says; `bytes` is the uncompressed bytes read so far. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'batch'; parsed: ParsedBatch; bytes: number }
  | { kind: 'done'; bytes: number }
  | { kind: 'checked'; problem: LineProblem | null; bytes: number }
  | { kind: 'error'; message: string };
