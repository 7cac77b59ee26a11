/** What every B2 peer reports: the same two queries over the same nodes, timed. */
import type { LatencySummary } from './stats.js';
import type { B2Answers, B2Data } from './b2-data.js';

export interface B2Run {
  buildMs: number;
  memoryBytes: number;
  memoryNote: string;
  threeHop: LatencySummary;
  nearest: LatencySummary;
  /** Answers for the first queries (slow peers stop at the time budget). */
  answers: B2Answers;
}

export interface B2Peer {
  name: string;
  what: string;
  run(data: B2Data, context: { budgetMs: number; databaseUrl: string; workDir: string }): Promise<B2Run>;
}

export const WARMUP = 20;

export interface B2Outcome {
  peer: B2Peer;
  run: B2Run | null;
  error?: unknown;
}
