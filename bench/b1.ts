/**
 * B1 fuzzy screening: top-10 for name + birth date + address, Weerbaar against its peers
 * on the same persons and the same ground-truth queries, in one process and one run.
 */
import { duckdbPeer } from './b1-duckdb.js';
import { minisearchPeer } from './b1-minisearch.js';
import type { B1Peer, ScoredId } from './b1-peer.js';
import { pgTrgmGin, pgTrgmGist } from './b1-postgres.js';
import { weerbaarMatcher } from './b1-weerbaar.js';
import { b1Checks } from './b1-targets.js';
import type { BenchOptions } from './options.js';
import type { BenchQuery, RegisterData } from './register-data.js';
import type { BenchmarkResult, PeerResult } from './results.js';
import { skippedPeer } from './results.js';
import { collectGarbage, elapsedMs, MB, summarise, timeQueries } from './stats.js';

const PEERS: B1Peer[] = [weerbaarMatcher, pgTrgmGin, pgTrgmGist, duckdbPeer, minisearchPeer];
const WARMUP = 50;
/** Precision at stricter thresholds too, so the calibration of each score is visible. */
const PRECISION_CURVE = [0.8, 0.9];

interface Outcome {
  result: PeerResult;
  hits: boolean[];
}

function quality(queries: readonly BenchQuery[], answers: ScoredId[][], threshold: number) {
  let above = 0;
  let correct = 0;
  const hits = answers.map((answer, i) => {
    const target = queries[i]!.targetId;
    for (const { id, score } of answer) {
      if (score < threshold) continue;
      above++;
      if (id === target) correct++;
    }
    return answer.some(({ id }) => id === target);
  });
  return {
    hits,
    recall: hits.filter(Boolean).length / Math.max(1, hits.length),
    precision: above ? correct / above : 0,
  };
}

async function runPeer(
  peer: B1Peer,
  data: RegisterData,
  queries: BenchQuery[],
  options: BenchOptions,
): Promise<Outcome> {
  const start = process.hrtime.bigint();
  const built = await peer.build({ records: data.records, rows: data.rows, databaseUrl: options.databaseUrl });
  const buildMs = elapsedMs(start);
  try {
    const budgetMs = peer === weerbaarMatcher ? Number.POSITIVE_INFINITY : options.peerBudgetMs;
    const { times, answers } = await timeQueries(queries, (q) => built.query(q), { warmup: WARMUP, budgetMs });
    const { hits, recall, precision } = quality(queries, answers, peer.threshold);
    const curve = Object.fromEntries(
      PRECISION_CURVE.map((t) => [`precision@${t}`, Number(quality(queries, answers, t).precision.toFixed(3))]),
    );
    const result: PeerResult = {
      peer: peer.name,
      what: peer.what,
      status: 'ok',
      latency: summarise(times),
      buildMs: Math.round(buildMs),
      memoryMb: Math.round((built.memoryBytes / MB) * 10) / 10,
      memoryNote: built.memoryNote,
      recallAt10: recall,
      precision,
      extra: { ...built.extra, ...curve },
    };
    return { result, hits };
  } finally {
    await built.close();
  }
}

function compareWithWeerbaar(outcomes: Outcome[]): void {
  const weerbaar = outcomes[0];
  const p50 = weerbaar?.result.latency?.p50Ms;
  if (!weerbaar || !p50) return;
  for (const { result, hits } of outcomes.slice(1)) {
    if (result.status !== 'ok' || !result.latency) continue;
    result.weerbaarSpeedupP50 = result.latency.p50Ms / p50;
    const same = weerbaar.hits.slice(0, hits.length);
    result.weerbaarRecallSameQueries = same.filter(Boolean).length / Math.max(1, same.length);
  }
}

/** Runs B1 on the register's persons; peers that cannot run are skipped with the reason. */
export async function runB1(
  data: RegisterData,
  queries: BenchQuery[],
  options: BenchOptions,
): Promise<BenchmarkResult> {
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  for (const peer of PEERS) {
    process.stderr.write(`B1 ${peer.name}: building on ${data.rows.length} persons, ${queries.length} queries\n`);
    collectGarbage();
    try {
      outcomes.push(await runPeer(peer, data, queries, options));
    } catch (error) {
      if (peer === weerbaarMatcher) failures.push(`B1 weerbaar failed: ${String(error)}`);
      outcomes.push({ result: skippedPeer(peer.name, peer.what, error), hits: [] });
    }
  }
  compareWithWeerbaar(outcomes);
  const peers = outcomes.map((outcome) => outcome.result);
  const minimumRecall = options.smoke ? 0.9 : 0.5;
  const weerbaar = peers[0];
  if (weerbaar?.recallAt10 !== undefined && weerbaar.recallAt10 < minimumRecall)
    failures.push(`B1 weerbaar recall@10 ${weerbaar.recallAt10.toFixed(3)} is below the sanity floor ${minimumRecall}`);
  return {
    name: 'B1',
    title: 'Fuzzy screening, top-10 for name + birth date + address',
    size: { persons: data.rows.length, queries: queries.length },
    peers,
    checks: b1Checks(peers, data.rows.length),
    notes: [
      'Peers share one normalisation and score: 0.6 name similarity + 0.25 birth date + 0.15 address; precision counts results at each peer’s default threshold (peers 0.7, Weerbaar 0.8).',
      `Slow peers answer the first queries within ${Math.round(options.peerBudgetMs / 1000)} s; "recall same q" is Weerbaar's recall on exactly those queries.`,
      'Latency is one client, sequential; throughput = 1000 / mean ms. DuckDB uses all its threads per query.',
    ],
    failures,
  };
}
