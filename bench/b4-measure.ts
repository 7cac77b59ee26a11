/** How B4 measures one load: wall time, CPU time of this process, and its resident memory. */
import { elapsedMs, MB } from './stats.js';

export type Measured<T> = {
  value: T;
  ms: number;
  /** User + system CPU time of this process, all its threads (worker threads and DuckDB's included). */
  cpuMs: number;
  /** Highest resident set size of the whole process while the work ran, sampled every 50 ms. */
  peakRssMb: number;
  /** That peak above the resident size when the work began: what this load itself added. */
  rssGrowthMb: number;
};

/** Runs `work` and measures it. */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  try {
    const value = await work();
    const ms = elapsedMs(start);
    const used = process.cpuUsage(cpu);
    peak = Math.max(peak, process.memoryUsage.rss());
    return {
      value,
      ms,
      cpuMs: Math.round((used.user + used.system) / 1000),
      peakRssMb: Math.round(peak / MB),
      rssGrowthMb: Math.round((peak - before) / MB),
    };
  } finally {
    clearInterval(timer);
  }
}

export const perSecond = (n: number, ms: number): number => Math.round((n / ms) * 1000);

/** Megabytes (10^6 bytes) of input per second, one decimal. */
export const mbps = (bytes: number, ms: number): number => Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10;

/**
 * The columns every B4 load row reports. MB per CPU-second (`otherCpuMs`: CPU spent outside this
 * process, such as a database server's backend) is what a busy machine does not distort.
 */
export function loadExtra(bytes: number, entities: number, run: Omit<Measured<unknown>, 'value'>, otherCpuMs = 0) {
  return {
    ms: Math.round(run.ms),
    mbPerSecond: mbps(bytes, run.ms),
    mbPerCpuSecond: mbps(bytes, run.cpuMs + otherCpuMs),
    entitiesPerSecond: perSecond(entities, run.ms),
    cpuMs: run.cpuMs,
    peakRssMb: run.peakRssMb,
    rssGrowthMb: run.rssGrowthMb,
  };
}
