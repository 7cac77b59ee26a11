/** B2 answer comparison across peers, speed-ups, and the B2 targets. */
import type { B2Outcome } from './b2-peer.js';
import type { B2Data } from './b2-data.js';
import { pathProblem } from './b2-data.js';
import { igraphSetOnlyP50Ms } from './b2-igraph.js';
import type { PeerResult, TargetCheck } from './results.js';
import { checkTarget } from './results.js';

const MAX_REPORTED = 5;
export const THREE_HOP = '3-hop set with distances';
export const NEAREST = 'nearest flagged <= 4 hops + path';
/** 1 GB as the report's MB column counts it (MB = 2^20 bytes). */
export const GB = 1024 ** 3;

/** Level sizes without trailing empty levels (igraph reports every distance up to 3). */
const trimmed = (levels: readonly number[] | undefined): number[] => {
  const out = [...(levels ?? [])];
  while (out.length > 0 && out[out.length - 1] === 0) out.pop();
  return out;
};

const sameLevels = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  trimmed(a).join() === trimmed(b).join();

/** Marks rows with answersAgree and speed-ups; returns disagreements as failures. */
export function compareAnswers(outcomes: B2Outcome[], rows: PeerResult[], data: B2Data): string[] {
  const compared = outcomes.filter((o) => o.run && !o.peer.name.endsWith('product'));
  const reference = compared.find((o) => o.peer.name === 'igraph') ?? compared[0];
  const failures: string[] = [];
  if (!reference?.run) return failures;
  const ref = reference.run.answers;
  for (const { peer, run } of compared) {
    if (!run) continue;
    const problems: string[] = [];
    const { levels, digests, distance, paths } = run.answers;
    for (let i = 0; i < Math.min(levels.length, ref.levels.length); i++) {
      if (!sameLevels(levels[i], ref.levels[i]))
        problems.push(
          `node ${data.queries[i]}: 3-hop nodes per distance ${trimmed(levels[i]).join('/')} vs ${trimmed(ref.levels[i]).join('/')}`,
        );
      else if (digests[i] !== ref.digests[i]) problems.push(`node ${data.queries[i]}: 3-hop sets differ (same sizes)`);
    }
    for (let i = 0; i < Math.min(distance.length, ref.distance.length); i++) {
      if (distance[i] !== ref.distance[i])
        problems.push(`node ${data.queries[i]}: nearest flagged at ${distance[i]} vs ${ref.distance[i]}`);
      const problem = pathProblem(data, data.queries[i]!, distance[i]!, paths[i] ?? []);
      if (problem) problems.push(`node ${data.queries[i]}: ${problem}`);
    }
    for (const row of rows.filter((r) => r.peer === peer.name)) row.answersAgree = problems.length === 0;
    failures.push(
      ...problems.slice(0, MAX_REPORTED).map((p) => `B2 ${peer.name} disagrees with ${reference.peer.name}: ${p}`),
    );
    if (problems.length > MAX_REPORTED) failures.push(`B2 ${peer.name}: ${problems.length - MAX_REPORTED} more`);
  }
  // Every peer is compared with Weerbaar's typed-array answer for the same work.
  for (const row of rows) {
    const base = rows.find((r) => r.peer === 'weerbaar' && r.what === row.what)?.latency?.p50Ms;
    if (row.peer.startsWith('weerbaar') || !base || !row.latency) continue;
    row.weerbaarSpeedupP50 = row.latency.p50Ms / base;
  }
  return failures;
}

const ms = (n: number): string => `${n.toFixed(3)} ms`;
const times = (n: number): string => `${n.toFixed(1)}x`;

/** The national-scale memory target, filled in by the `--scale nl` run. */
export function memoryCheck(bytes: number | undefined, atScale: boolean, what = 'graph typed arrays'): TargetCheck {
  return checkTarget(
    `graph memory <= 1 GB at ~17.5M nodes / 25M edges (--scale nl), ${what}`,
    bytes === undefined ? undefined : bytes / GB,
    1,
    'max',
    (gb) => `${(gb * 1024).toFixed(0)} MB`,
    atScale,
  );
}

/** The B2 targets (stated at 1M nodes / 4M edges). */
export function b2Checks(rows: PeerResult[], nodes: number, edges: number): TargetCheck[] {
  // The generator drops a few duplicate edges, so "4M edges" allows 1% less.
  const atScale = nodes >= 1_000_000 && edges >= 3_960_000;
  const row = (peer: string, what: string): PeerResult | undefined =>
    rows.find((r) => r.peer === peer && r.what === what);
  const weerbaar = row('weerbaar', THREE_HOP);
  const product = row('weerbaar product', THREE_HOP);
  const igraph = row('igraph', THREE_HOP);
  const setOnly = igraphSetOnlyP50Ms(igraph?.extra);
  const base = weerbaar?.latency?.p50Ms;
  return [
    checkTarget(
      '3-hop p50 <= 0.2 ms (1M nodes / 4M edges), typed answer',
      weerbaar?.latency?.p50Ms,
      0.2,
      'max',
      ms,
      atScale,
    ),
    checkTarget('3-hop p99 <= 5 ms, typed answer', weerbaar?.latency?.p99Ms, 5, 'max', ms, atScale),
    checkTarget('3-hop p50 <= 0.2 ms, product defaults (hub cap)', product?.latency?.p50Ms, 0.2, 'max', ms, atScale),
    checkTarget('3-hop p99 <= 5 ms, product defaults (hub cap)', product?.latency?.p99Ms, 5, 'max', ms, atScale),
    checkTarget(
      '>= 3x faster than igraph, 3-hop p50 (both: set with distances)',
      igraph?.weerbaarSpeedupP50,
      3,
      'min',
      times,
      atScale,
    ),
    checkTarget(
      '>= 3x faster than igraph, nearest flagged p50 (both: distance + path)',
      row('igraph', NEAREST)?.weerbaarSpeedupP50,
      3,
      'min',
      times,
      atScale,
    ),
    checkTarget(
      ">= 3x faster than igraph's set-only neighborhood() (no distances; lower bound)",
      setOnly !== undefined && base ? setOnly / base : undefined,
      3,
      'min',
      times,
      atScale,
    ),
    { ...memoryCheck(undefined, false), measured: 'not run (npm run bench -- --only B2 --scale nl)' },
  ];
}
