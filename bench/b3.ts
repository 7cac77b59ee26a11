/**
 * B3 end to end: screenings through the HTTP API of the real app. It runs once the app's
 * OpenAPI document has the yente-compatible match route; until then it says so instead of
 * printing numbers. yente's ~15 match requests/s per CPU is its published figure, not a
 * run beside ours.
 */
import { createTestApp } from '../server/test/support/test-app.js';
import type { TestApp } from '../server/test/support/test-app.js';
import { driveMatchRoute } from './b3-drive.js';
import type { BenchOptions } from './options.js';
import type { BenchmarkResult, PeerResult } from './results.js';
import { checkTarget } from './results.js';

export const MATCH_ROUTE = '/api/yente/match/{dataset}';
export const SCREENING_ROUTE = '/api/v1/screenings';
const YENTE_PUBLISHED: PeerResult = {
  peer: 'yente (published)',
  what: 'OpenSanctions yente, ~15 match requests/s per CPU: published figure, not measured here',
  status: 'ok',
  extra: { publishedRequestsPerSecondPerCpu: 15 },
};

async function documentedPaths(test: TestApp): Promise<string[]> {
  const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const document = response.json<{ paths?: Record<string, unknown> }>();
  return Object.keys(document.paths ?? {});
}

/** Runs B3 when the route exists, else reports "not available yet". */
export async function runB3(options: BenchOptions): Promise<BenchmarkResult> {
  const result: BenchmarkResult = {
    name: 'B3',
    title: 'End to end through the HTTP API',
    size: {},
    peers: [],
    checks: [],
    notes: [],
    failures: [],
  };
  const test = await createTestApp();
  try {
    const paths = await documentedPaths(test);
    const missing = [MATCH_ROUTE, SCREENING_ROUTE].filter((p) => !paths.includes(p));
    if (!paths.includes(MATCH_ROUTE)) {
      result.peers.push(
        {
          peer: 'weerbaar HTTP',
          what: 'screenings/s, p99',
          status: 'not available yet',
          message: `the app has no ${missing.join(' or ')} yet`,
        },
        YENTE_PUBLISHED,
      );
      return result;
    }
    let driven: Awaited<ReturnType<typeof driveMatchRoute>>;
    try {
      driven = await driveMatchRoute(test, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.peers.push(
        { peer: 'weerbaar HTTP', what: 'screenings/s, p99', status: 'failed', message },
        YENTE_PUBLISHED,
      );
      result.failures.push(`B3 could not run: ${message}`);
      return result;
    }
    result.size = { persons: driven.persons, seconds: driven.seconds, concurrency: driven.concurrency };
    result.peers.push(driven.match, driven.screening, YENTE_PUBLISHED);
    result.failures.push(...driven.failures);
    const atScale = driven.persons >= 20_000;
    const perCore = driven.match.extra?.['requestsPerServerCpuSecond'];
    result.checks.push(
      checkTarget(
        '>= 500 screenings/s per core (server CPU)',
        typeof perCore === 'number' ? perCore : undefined,
        500,
        'min',
        (n) => `${n.toFixed(0)}/s`,
        atScale,
      ),
      checkTarget(
        '>= 500 screenings/s (wall, one server process)',
        driven.match.latency?.throughputQps,
        500,
        'min',
        (n) => `${n.toFixed(0)}/s`,
        atScale,
      ),
      checkTarget('p99 <= 50 ms', driven.match.latency?.p99Ms, 50, 'max', (n) => `${n.toFixed(1)} ms`, atScale),
    );
    result.notes.push(
      'The load client runs in its own process (node:http, keep-alive); the server process reads its CPU clock over the timed window.',
      'Per core = answered match requests / server CPU-seconds (user + system, all threads of the server process); q/s = per wall second.',
      `Engines built by a first, untimed request in ${Math.round(driven.engineBuildMs)} ms; each timed window follows an untimed warm-up.`,
      'The second weerbaar row stores a screening record (POST /api/v1/screenings) with its audit event per request.',
      ...(missing.length ? [`Not yet in the app: ${missing.join(', ')}`] : []),
    );
    return result;
  } finally {
    await test.close();
  }
}
