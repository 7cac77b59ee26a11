/**
 * B2 peers from Weerbaar's graph engine. Compared answers need the plain BFS every peer
 * computes, so hubs are expanded and the answer size is not capped; the product defaults
 * (hubs above 500 ties reported, not expanded) are timed as a separate row.
 *
 *  - "weerbaar": the typed-array answers (neighbourhoodArrays, nearestFlagged), the fast
 *    path compared with igraph and the one the targets are checked on;
 *  - "weerbaar objects": the object API (neighbourhood(), findPathsToFlagged()) that
 *    materialises every node and edge; compared too, timed for information;
 *  - "weerbaar product": the typed answers with the product defaults; not compared.
 */
import { findNode, nodeIdAt } from '../server/src/modules/entities/graph/graph-access.js';
import { findPathsToFlagged } from '../server/src/modules/entities/graph/flagged-paths.js';
import { nearestFlagged } from '../server/src/modules/entities/graph/nearest-flagged.js';
import { neighbourhood, neighbourhoodArrays } from '../server/src/modules/entities/graph/neighbourhood.js';
import type { EntityGraph } from '../server/src/modules/entities/graph/graph.types.js';
import type { B2Answers, B2Data, NearestAnswer, ReachDigest } from './b2-data.js';
import { reachDigest } from './b2-data.js';
import type { B2Peer, B2Run } from './b2-peer.js';
import { timeReduced, WARMUP } from './b2-peer.js';
import { summarise } from './stats.js';

const UNCAPPED = { hubDegreeCap: Number.POSITIVE_INFINITY, maxNodes: 2 ** 31 };

export type WeerbaarMode = 'arrays' | 'objects' | 'product';

type Timed<A> = (queries: readonly number[], budgetMs?: number) => Promise<{ times: number[]; answers: A[] }>;

/** The timed 3-hop query of a mode; answers reduced for comparison outside the timed span. */
export function threeHopQuery(graph: EntityGraph, mode: WeerbaarMode): Timed<ReachDigest> {
  const timing = (budgetMs = Infinity): { warmup: number; budgetMs: number } => ({ warmup: WARMUP, budgetMs });
  if (mode === 'objects') {
    return (queries, budgetMs) =>
      timeReduced(
        queries,
        (node) => neighbourhood(graph, nodeIdAt(graph, node), 3, UNCAPPED),
        (answer) =>
          reachDigest(answer?.nodes.map((n) => findNode(graph, n.id)) ?? [], answer?.nodes.map((n) => n.depth) ?? []),
        timing(budgetMs),
      );
  }
  const limits = mode === 'product' ? {} : UNCAPPED;
  return (queries, budgetMs) =>
    timeReduced(
      queries,
      (node) => neighbourhoodArrays(graph, node, 3, limits),
      (answer) => reachDigest(answer.nodes, answer.depth),
      timing(budgetMs),
    );
}

/** The timed nearest-flagged query of a mode (distance and one path per query). */
export function nearestQuery(graph: EntityGraph, mode: WeerbaarMode): Timed<NearestAnswer> {
  const timing = (budgetMs = Infinity): { warmup: number; budgetMs: number } => ({ warmup: WARMUP, budgetMs });
  if (mode === 'objects') {
    return (queries, budgetMs) =>
      timeReduced(
        queries,
        (node) => findPathsToFlagged(graph, nodeIdAt(graph, node), { maxHops: 4, maxPaths: 1, ...UNCAPPED }),
        (answer): NearestAnswer => {
          const path = answer?.paths[0];
          if (!path) return { distance: -1, path: [] };
          return { distance: path.length, path: path.nodes.map((n) => findNode(graph, n.id)) };
        },
        timing(budgetMs),
      );
  }
  const limits = mode === 'product' ? { maxHops: 4 } : { maxHops: 4, ...UNCAPPED };
  return (queries, budgetMs) =>
    timeReduced(
      queries,
      (node) => nearestFlagged(graph, node, limits),
      (answer): NearestAnswer => ({ distance: answer.distance, path: [...answer.path] }),
      timing(budgetMs),
    );
}

async function runMode(data: B2Data, mode: WeerbaarMode): Promise<B2Run> {
  const reach = await threeHopQuery(data.graph, mode)(data.queries);
  const nearest = await nearestQuery(data.graph, mode)(data.queries);
  const answers: B2Answers = {
    levels: reach.answers.map((a) => a.levels),
    digests: reach.answers.map((a) => a.digest),
    distance: nearest.answers.map((a) => a.distance),
    paths: nearest.answers.map((a) => a.path),
  };
  return {
    buildMs: data.buildMs,
    memoryBytes: 0,
    memoryNote: '',
    threeHop: summarise(reach.times),
    nearest: summarise(nearest.times),
    answers,
  };
}

const WHAT: Record<WeerbaarMode, string> = {
  arrays: 'neighbourhoodArrays()/nearestFlagged(): typed arrays, hubs expanded',
  objects: 'neighbourhood()/findPathsToFlagged(): objects, hubs expanded',
  product: 'typed arrays, product defaults: hubs > 500 not expanded (not compared)',
};

/** What one timed query includes, per mode. */
export const WEERBAAR_TIMING: Record<WeerbaarMode, string> = {
  arrays:
    'JS call with a node index; BFS over the per-graph workspace (a visit bit per node, reused, and cleared for the visited nodes only); ' +
    '3-hop: copies node indices, hop distances, BFS parents and parent links into fresh typed arrays; ' +
    'nearest: stops at the first flagged node discovered, copies its path (nodes + edges)',
  objects:
    'as "weerbaar" from the string id, plus one object per node (id decoded, schema, topics, degree) and per ' +
    'induced edge; nearest: every flagged node of the level traced and ranked, the best path as objects',
  product: 'as "weerbaar", with hubs above 500 ties reached but not expanded and at most 5,000 nodes (3-hop)',
};

/** A Weerbaar row; memory is the graph's own typed arrays plus the query workspace, filled in by B2. */
export function weerbaarGraphPeer(mode: WeerbaarMode): B2Peer {
  return {
    name: mode === 'arrays' ? 'weerbaar' : `weerbaar ${mode}`,
    what: WHAT[mode],
    timing: WEERBAAR_TIMING[mode],
    run: (data) => runMode(data, mode),
  };
}
