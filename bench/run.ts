/**
 * `npm run bench -- [--persons N] [--nodes N] [--smoke] [--only B1,B2] [--out file.json]`:
 * Weerbaar's engines against their peers, side by side in one run on the same data.
 * Exits non-zero on a harness failure or when peers disagree; missed targets only print.
 */
import { writeFileSync } from 'node:fs';
import { runB1 } from './b1.js';
import { runB2 } from './b2.js';
import { runB3 } from './b3.js';
import { runB4 } from './b4.js';
import { parseOptions } from './options.js';
import type { BenchOptions } from './options.js';
import { loadQueries, loadRegister } from './register-data.js';
import type { RegisterData } from './register-data.js';
import { formatBenchmark } from './report.js';
import type { BenchmarkResult } from './results.js';
import { collectGarbage, elapsedMs, MB, peakRssBytes } from './stats.js';

async function runAll(options: BenchOptions): Promise<BenchmarkResult[]> {
  const results: BenchmarkResult[] = [];
  const show = (result: BenchmarkResult): void => {
    results.push(result);
    console.log(formatBenchmark(result));
    collectGarbage();
  };
  let register: RegisterData | null = null;
  const wants = (name: string): boolean => options.only.some((n) => n === name);
  if (wants('B1') || wants('B4')) {
    const start = process.hrtime.bigint();
    register = loadRegister(options.persons, options.seed, wants('B4'));
    process.stderr.write(`register: ${register.entities} entities generated in ${Math.round(elapsedMs(start))} ms\n`);
  }
  if (wants('B1') && register)
    show(await runB1(register, loadQueries(options.persons, options.seed, options.queries), options));
  if (wants('B2')) show(await runB2(options));
  if (wants('B3')) show(await runB3(options));
  if (wants('B4') && register) show(await runB4(register, options));
  return results;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const results = await runAll(options);
  const failures = results.flatMap((r) => r.failures);
  const summary = {
    options,
    node: process.version,
    seconds: Math.round(elapsedMs(started) / 1000),
    peakRssMb: Math.round(peakRssBytes() / MB),
    results,
    failures,
  };
  console.log(`\nbench finished in ${summary.seconds} s, peak RSS of this process ${summary.peakRssMb} MB`);
  if (options.out) {
    writeFileSync(options.out, JSON.stringify(summary, null, 2) + '\n');
    console.log(`results written to ${options.out}`);
  }
  if (failures.length > 0) console.error(`${failures.length} failure(s):\n${failures.join('\n')}`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(2);
  },
);
