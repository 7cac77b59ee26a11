/**
 * B2 peers from Weerbaar's graph engine. Compared answers need the plain BFS every peer
 * computes, so hubs are expanded and the answer size is not capped; the product defaults
 * (hubs above 500 ties reported, not expanded) are timed as a separate row.
 */
import { findNode, nodeIdAt } from '../server/src/modules/entities/graph/graph-access.js';
import { findPathsToFlagged } from '../server/src/modules/entities/graph/flagged-paths.js';
import { neighbourhood } from '../server/src/modules/entities/graph/neighbourhood.js';
import { runBfs } from '../server/src/modules/entities/graph/traversal.js';
import type { B2Answers, B2Data } from './b2-data.js';
import type { B2Peer, B2Run } from './b2-peer.js';
import { WARMUP } from './b2-peer.js';
import { summarise, timeQueries } from './stats.js';

const UNCAPPED = { hubDegreeCap: Number.POSITIVE_INFINITY, maxNodes: 2 ** 31 };

type Mode = 'neighbourhood' | 'bfs' | 'product';

function threeHop(data: B2Data, mode: Mode): (node: number) => number {
  const { graph } = data;
  if (mode === 'bfs') return (node) => runBfs(graph, node, { maxHops: 3, ...UNCAPPED }).ws.queue.length;
  const options = mode === 'product' ? {} : UNCAPPED;
  return (node) => neighbourhood(graph, nodeIdAt(graph, node), 3, options)?.nodes.length ?? 0;
}

function nearest(data: B2Data, mode: Mode): (node: number) => { distance: number; path: number[] } {
  const { graph } = data;
  const options = mode === 'product' ? { maxHops: 4, maxPaths: 1 } : { maxHops: 4, maxPaths: 1, ...UNCAPPED };
  return (node) => {
    const path = findPathsToFlagged(graph, nodeIdAt(graph, node), options)?.paths[0];
    if (!path) return { distance: -1, path: [] };
    return { distance: path.length, path: path.nodes.map((n) => findNode(graph, n.id)) };
  };
}

async function runMode(data: B2Data, mode: Mode): Promise<B2Run> {
  const reach = await timeQueries(data.queries, threeHop(data, mode), { warmup: WARMUP, budgetMs: Infinity });
  const near = await timeQueries(data.queries, nearest(data, mode), { warmup: WARMUP, budgetMs: Infinity });
  const answers: B2Answers = {
    reach: reach.answers,
    distance: near.answers.map((a) => a.distance),
    paths: near.answers.map((a) => a.path),
  };
  return {
    buildMs: data.buildMs,
    memoryBytes: 0,
    memoryNote: '',
    threeHop: summarise(reach.times),
    nearest: summarise(near.times),
    answers,
  };
}

const WHAT: Record<Mode, string> = {
  neighbourhood: 'neighbourhood()/findPathsToFlagged(), hubs expanded',
  bfs: 'runBfs reachable set only (as igraph), hubs expanded',
  product: 'product defaults: hubs > 500 not expanded (not compared)',
};

/** A Weerbaar row; memory is the graph's own typed arrays (graphBytes), filled in by B2. */
export function weerbaarGraphPeer(mode: Mode): B2Peer {
  return {
    name: mode === 'neighbourhood' ? 'weerbaar' : `weerbaar ${mode}`,
    what: WHAT[mode],
    run: (data) => runMode(data, mode),
  };
}
