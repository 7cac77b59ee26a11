/**
 * B2 network: 3-hop neighbourhood and nearest flagged node within 4 hops (with the path),
 * Weerbaar's graph against igraph, graphology and PostgreSQL on one graph, one numbering.
 * Answers must be identical (reach counts, shortest distances; each path must be a valid
 * shortest path to a flagged node, though equal-length paths may differ).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphBytes } from '../server/src/modules/entities/graph/snapshot.js';
import { makeB2Data } from './b2-data.js';
import type { B2Data } from './b2-data.js';
import { b2Checks, compareAnswers } from './b2-compare.js';
import { graphologyPeer } from './b2-graphology.js';
import { igraphPeer } from './b2-igraph.js';
import type { B2Outcome, B2Peer } from './b2-peer.js';
import { postgresGraphPeer } from './b2-postgres.js';
import { weerbaarGraphPeer } from './b2-weerbaar.js';
import type { BenchOptions } from './options.js';
import type { BenchmarkResult, PeerResult } from './results.js';
import { skippedPeer } from './results.js';
import { collectGarbage, MB } from './stats.js';

const PEERS: B2Peer[] = [
  weerbaarGraphPeer('neighbourhood'),
  weerbaarGraphPeer('bfs'),
  weerbaarGraphPeer('product'),
  igraphPeer,
  graphologyPeer,
  postgresGraphPeer,
];

function rows(outcome: B2Outcome, data: B2Data): PeerResult[] {
  const { peer, run } = outcome;
  if (!run) return [skippedPeer(peer.name, peer.what, outcome.error)];
  const isWeerbaar = peer.name.startsWith('weerbaar');
  const memoryBytes = isWeerbaar ? graphBytes(data.graph) + 6 * data.graph.nodeCount : run.memoryBytes;
  const common = {
    peer: peer.name,
    status: 'ok' as const,
    buildMs: Math.round(run.buildMs),
    memoryMb: Math.round((memoryBytes / MB) * 10) / 10,
    memoryNote: isWeerbaar ? 'graphBytes + 6 B/node query workspace' : run.memoryNote,
    extra: { method: peer.what },
  };
  return [
    { ...common, what: '3-hop neighbourhood', latency: run.threeHop },
    { ...common, what: 'nearest flagged <= 4 hops + path', latency: run.nearest },
  ];
}

/** Runs B2 on a skewed random graph of `options.nodes` nodes. */
export async function runB2(options: BenchOptions): Promise<BenchmarkResult> {
  const queryCount = options.smoke ? 200 : Math.min(options.queries, 1000);
  const data = makeB2Data(options.nodes, options.edgesPerNode, queryCount, options.seed);
  const workDir = mkdtempSync(join(tmpdir(), 'weerbaar-bench-'));
  const outcomes: B2Outcome[] = [];
  try {
    for (const peer of PEERS) {
      process.stderr.write(`B2 ${peer.name}: ${data.graph.nodeCount} nodes, ${data.graph.edgeCount} edges\n`);
      const budgetMs = peer.name.startsWith('weerbaar') ? Number.POSITIVE_INFINITY : options.peerBudgetMs / 2;
      collectGarbage();
      try {
        outcomes.push({ peer, run: await peer.run(data, { budgetMs, databaseUrl: options.databaseUrl, workDir }) });
      } catch (error) {
        outcomes.push({ peer, run: null, error });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const peers = outcomes.flatMap((outcome) => rows(outcome, data));
  const failures = compareAnswers(outcomes, peers, data);
  if (!outcomes[0]?.run) failures.push(`B2 weerbaar failed: ${String(outcomes[0]?.error)}`);
  return {
    name: 'B2',
    title: 'Network: 3-hop neighbourhood, nearest flagged within 4 hops',
    size: {
      nodes: data.graph.nodeCount,
      edges: data.graph.edgeCount,
      flagged: data.flagged.length,
      queries: queryCount,
    },
    peers,
    checks: b2Checks(peers, data.graph.nodeCount, data.graph.edgeCount),
    notes: [
      'Skewed random graph (targets drawn as the square of a uniform, so a few nodes become hubs), edge direction ignored.',
      'Compared rows expand hubs and do not cap the answer, as igraph does; "weerbaar product" uses the screening defaults (hubs > 500 ties reached but not expanded) and is not compared.',
      '"W faster p50" is the peer p50 over Weerbaar p50 for the same work: runBfs for 3-hop (peers return the reachable set; neighbourhood() also builds node and edge objects), findPathsToFlagged for the nearest flagged node.',
      'Reference for "same answers": igraph when it ran, else weerbaar. Weerbaar build = buildGraph from records; graphology and PostgreSQL load from the built graph; igraph reads the edge list.',
    ],
    failures,
  };
}
