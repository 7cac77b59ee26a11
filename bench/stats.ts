/**
 * Timing and memory helpers shared by every benchmark. Latencies come from
 * process.hrtime.bigint(); memory from V8 after a forced collection, so one peer's garbage
 * does not count against the next one measured in the same process.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export interface LatencySummary {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Sequential queries per second (one client, one thread of work). */
  throughputQps: number;
}

/** Milliseconds since `start` (a process.hrtime.bigint() value). */
export function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Percentile of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** Latency summary of per-query times in milliseconds. */
export function summarise(times: readonly number[]): LatencySummary {
  const sorted = [...times].sort((a, b) => a - b);
  const total = sorted.reduce((sum, t) => sum + t, 0);
  return {
    queries: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    meanMs: sorted.length ? total / sorted.length : 0,
    throughputQps: total > 0 ? (sorted.length * 1000) / total : 0,
  };
}

/** A full collection, so the previous peer's garbage is not collected on the next one's clock. */
export function collectGarbage(): void {
  collect();
}

/** Memory this process holds in JS objects and buffers (after a full collection), in bytes. */
export function retainedBytes(): number {
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/** Resident set size now, in bytes. */
export function rssBytes(): number {
  return process.memoryUsage().rss;
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export const MB = 1024 * 1024;

/** Runs `query` over `items` (after `warmup` untimed runs) until all ran or `budgetMs` passed. */
export async function timeQueries<T, R>(
  items: readonly T[],
  query: (item: T) => R | Promise<R>,
  options: { warmup: number; budgetMs: number },
): Promise<{ times: number[]; answers: R[] }> {
  for (const item of items.slice(0, options.warmup)) await query(item);
  const times: number[] = [];
  const answers: R[] = [];
  const began = process.hrtime.bigint();
  for (const item of items) {
    const start = process.hrtime.bigint();
    const answer = query(item);
    // Synchronous engines are timed without an await tick in between.
    answers.push(answer instanceof Promise ? await answer : answer);
    times.push(elapsedMs(start));
    if (elapsedMs(began) > options.budgetMs) break;
  }
  return { times, answers };
}
