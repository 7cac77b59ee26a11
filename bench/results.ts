/** The shape of benchmark results, printed as tables and written as JSON. */
import type { LatencySummary } from './stats.js';

export interface PeerResult {
  peer: string;
  /** What this row measures, in a few words. */
  what: string;
  status: 'ok' | 'skipped' | 'failed' | 'not available yet';
  message?: string;
  latency?: LatencySummary;
  buildMs?: number;
  memoryMb?: number;
  memoryNote?: string;
  recallAt10?: number;
  precision?: number;
  /** Weerbaar's recall on exactly the queries this peer answered (slow peers answer a prefix). */
  weerbaarRecallSameQueries?: number;
  /** This peer's p50 divided by Weerbaar's (how many times faster Weerbaar is). */
  weerbaarSpeedupP50?: number;
  /** B2: answers identical to the reference peer. */
  answersAgree?: boolean;
  extra?: Record<string, number | string>;
}

/** One target of the issue beside what was measured; pass is null when not measured. */
export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean | null;
  /** False when the run was smaller than the size the target is stated for. */
  atScale: boolean;
}

export interface BenchmarkResult {
  name: string;
  title: string;
  size: Record<string, number>;
  peers: PeerResult[];
  checks: TargetCheck[];
  notes: string[];
  /** Harness failures and disagreements: a run with any exits non-zero. */
  failures: string[];
}

/** A peer row for a peer that could not run, with the reason. */
export function skippedPeer(peer: string, what: string, error: unknown): PeerResult {
  const message = error instanceof Error ? error.message : String(error);
  return { peer, what, status: 'skipped', message };
}

/** A check of `value <= limit` ('max') or `value >= limit` ('min'). */
export function checkTarget(
  target: string,
  value: number | undefined,
  limit: number,
  direction: 'max' | 'min',
  format: (n: number) => string,
  atScale: boolean,
): TargetCheck {
  if (value === undefined || !Number.isFinite(value)) return { target, measured: 'not measured', pass: null, atScale };
  const pass = direction === 'max' ? value <= limit : value >= limit;
  return { target, measured: format(value), pass, atScale };
}
