/**
 * Matcher benchmark: builds an index of synthetic persons, runs planted-variant queries
 * and reports latency percentiles and recall@10. Called by the project benchmark.
 */
import { buildIndex } from './candidate-index.js';
import { queryIndex } from './candidate-query.js';
import { plantQuery } from './planted-variants.js';
import { createRandom, generatePeople } from './synthetic-people.js';

export interface MatcherBenchInput {
  persons: number;
  queries: number;
  seed: number;
}

export interface MatcherBenchResult {
  p50Ms: number;
  p99Ms: number;
  recallAt10: number;
  buildMs: number;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

/** Builds an index of `persons` synthetic people and times `queries` planted-variant top-10 queries. */
export function runMatcherBench({ persons, queries, seed }: MatcherBenchInput): MatcherBenchResult {
  const people = generatePeople(persons, seed);
  const buildStart = performance.now();
  const index = buildIndex(people);
  const buildMs = performance.now() - buildStart;
  const random = createRandom(seed ^ 0x5eed);
  const planted = Array.from({ length: queries }, () =>
    plantQuery(random, people[Math.floor(random() * persons)] ?? people[0]!),
  );
  // Warm up the JIT so the percentiles describe the steady state.
  for (const query of planted.slice(0, Math.min(200, queries))) queryIndex(index, query.query, { limit: 10 });
  const timings: number[] = [];
  let hits = 0;
  for (const { query, targetId } of planted) {
    const start = performance.now();
    const results = queryIndex(index, query, { limit: 10 });
    timings.push(performance.now() - start);
    if (results.some((result) => result.id === targetId)) hits += 1;
  }
  timings.sort((a, b) => a - b);
  return {
    p50Ms: percentile(timings, 0.5),
    p99Ms: percentile(timings, 0.99),
    recallAt10: hits / Math.max(1, queries),
    buildMs,
  };
}
