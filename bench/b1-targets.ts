/** The B1 targets (stated at 1M persons) beside the measured values. */
import type { PeerResult, TargetCheck } from './results.js';
import { checkTarget } from './results.js';

const ms = (n: number): string => `${n.toFixed(3)} ms`;
const share = (n: number): string => n.toFixed(3);
const times = (n: number): string => `${n.toFixed(1)}x`;

/** Speed-up over the fastest of the named peers, when Weerbaar's recall is at least theirs. */
function speedupOver(peers: PeerResult[], names: string[]): { speedup?: number; recallOk: boolean } {
  const ok = peers.filter((p) => names.includes(p.peer) && p.status === 'ok' && p.weerbaarSpeedupP50 !== undefined);
  if (ok.length === 0) return { recallOk: false };
  const fastest = ok.reduce((a, b) => ((a.weerbaarSpeedupP50 ?? 0) <= (b.weerbaarSpeedupP50 ?? 0) ? a : b));
  return {
    speedup: fastest.weerbaarSpeedupP50,
    recallOk: (fastest.weerbaarRecallSameQueries ?? 0) >= (fastest.recallAt10 ?? 1),
  };
}

export function b1Checks(peers: PeerResult[], persons: number): TargetCheck[] {
  const atScale = persons >= 1_000_000;
  const weerbaar = peers.find((p) => p.peer === 'weerbaar');
  const duck = speedupOver(peers, ['duckdb']);
  const trgm = speedupOver(peers, ['pg_trgm GIN', 'pg_trgm GiST']);
  const checks: TargetCheck[] = [
    checkTarget('p50 <= 2 ms (1M persons)', weerbaar?.latency?.p50Ms, 2, 'max', ms, atScale),
    checkTarget('p99 <= 20 ms', weerbaar?.latency?.p99Ms, 20, 'max', ms, atScale),
    checkTarget('recall@10 >= 0.98', weerbaar?.recallAt10, 0.98, 'min', share, atScale),
    checkTarget('precision >= 0.95 at the default threshold (0.8)', weerbaar?.precision, 0.95, 'min', share, atScale),
    checkTarget('>= 30x faster p50 than DuckDB', duck.speedup, 30, 'min', times, atScale),
    checkTarget('>= 100x faster p50 than pg_trgm (faster index)', trgm.speedup, 100, 'min', times, atScale),
  ];
  for (const [label, peer] of [
    ['DuckDB', duck],
    ['pg_trgm', trgm],
  ] as const) {
    if (peer.speedup === undefined) continue;
    checks.push({
      target: `... at equal or better recall than ${label}`,
      measured: peer.recallOk ? 'yes' : 'no',
      pass: peer.recallOk,
      atScale,
    });
  }
  return checks;
}
