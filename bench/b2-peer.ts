/** What every B2 peer reports: the same two queries over the same nodes, timed. */
import type { LatencySummary } from './stats.js';
import { elapsedMs } from './stats.js';
import type { B2Answers, B2Data } from './b2-data.js';

export interface B2Run {
  buildMs: number;
  memoryBytes: number;
  memoryNote: string;
  threeHop: LatencySummary;
  nearest: LatencySummary;
  /** Answers for the first queries (slow peers stop at the time budget). */
  answers: B2Answers;
  /** Peer-specific figures for the report (strategy chosen, lower bounds, ...). */
  extra?: Record<string, string | number>;
}

export interface B2Peer {
  name: string;
  what: string;
  /** What one timed query includes, for the report. */
  timing: string;
  run(data: B2Data, context: { budgetMs: number; databaseUrl: string; workDir: string }): Promise<B2Run>;
}

export const WARMUP = 20;

/**
 * Times `query` per item (after `warmup` untimed runs) until all ran or `budgetMs` passed,
 * then reduces each answer with `reduce` outside the timed span, so a peer is timed for
 * producing its answer, not for the bench's comparison digest, and whole answers are not kept.
 */
export async function timeReduced<T, R, A>(
  items: readonly T[],
  query: (item: T) => R | Promise<R>,
  reduce: (answer: R) => A,
  options: { warmup: number; budgetMs: number },
): Promise<{ times: number[]; answers: A[] }> {
  for (const item of items.slice(0, options.warmup)) await query(item);
  const times: number[] = [];
  const answers: A[] = [];
  const began = process.hrtime.bigint();
  for (const item of items) {
    const start = process.hrtime.bigint();
    const pending = query(item);
    // Synchronous engines are timed without an await tick in between.
    const answer = pending instanceof Promise ? await pending : pending;
    times.push(elapsedMs(start));
    answers.push(reduce(answer));
    if (elapsedMs(began) > options.budgetMs) break;
  }
  return { times, answers };
}

export interface B2Outcome {
  peer: B2Peer;
  run: B2Run | null;
  error?: unknown;
}
