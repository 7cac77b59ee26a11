import { performance } from 'node:perf_hooks';
import { buildGraph } from './graph-builder.js';
import { findNode } from './graph-access.js';
import { nearestFlagged } from './nearest-flagged.js';
import { neighbourhoodArrays } from './neighbourhood.js';
import { graphBytes } from './snapshot.js';
import type { EdgeRecord, NodeRecord } from './graph.types.js';
import { EDGE_TYPES } from './graph.types.js';

export interface GraphBenchOptions {
  nodes: number;
  edgesPerNode: number;
  seed: number;
  /** Queries per measurement (default 1000). */
  queries?: number;
  /** Share of flagged nodes (default 1 in 2000). */
  flaggedRate?: number;
  /** Passed to buildGraph (default true). */
  keepEdgeIds?: boolean;
}

export interface GraphBenchResult {
  nodes: number;
  edges: number;
  buildMs: number;
  bytes: number;
  /** Typed-array answers (neighbourhoodArrays, nearestFlagged), hubs above 500 ties not expanded. */
  threeHopP50Ms: number;
  threeHopP99Ms: number;
  nearestFlaggedP50Ms: number;
  nearestFlaggedP99Ms: number;
}

/** mulberry32: small, fast, seedable; enough for synthetic benchmark graphs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random graph records, generated lazily so a million-node bench holds no record arrays.
 * Targets are drawn with a skew (square of a uniform) so some nodes become hubs, as in a
 * real register where a few addresses and agents collect most ties.
 */
export function randomRecords(options: GraphBenchOptions): {
  nodes: Iterable<NodeRecord>;
  edges: Iterable<EdgeRecord>;
} {
  const { nodes: n, edgesPerNode, seed } = options;
  const flaggedRate = options.flaggedRate ?? 1 / 2000;
  const nodes = function* (): Generator<NodeRecord> {
    const random = mulberry32(seed);
    for (let i = 0; i < n; i++)
      yield { id: `n${i}`, schema: i % 3 === 0 ? 'Company' : 'Person', flagged: random() < flaggedRate };
  };
  const edges = function* (): Generator<EdgeRecord> {
    const random = mulberry32(seed ^ 0x9e3779b9);
    const total = Math.round(n * edgesPerNode);
    for (let e = 0; e < total; e++) {
      const source = Math.floor(random() * n);
      const skew = random();
      const target = Math.floor(skew * skew * n);
      yield {
        id: e % 3 === 0 ? '' : `e${e}`,
        schema: EDGE_TYPES[e % EDGE_TYPES.length]!,
        source: `n${source}`,
        target: `n${target}`,
        startDate: e % 2 ? '2015-06-01' : undefined,
      };
    }
  };
  return { nodes: nodes(), edges: edges() };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function timeQueries(count: number, seed: number, n: number, query: (id: string) => void): number[] {
  const random = mulberry32(seed);
  const times: number[] = [];
  for (let q = 0; q < count; q++) {
    const id = `n${Math.floor(random() * n)}`;
    const t0 = performance.now();
    query(id);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** Builds a random graph and times 3-hop neighbourhoods and nearest-flagged searches. */
export function runGraphBench(options: GraphBenchOptions): GraphBenchResult {
  const { nodes, edges } = randomRecords(options);
  const t0 = performance.now();
  const graph = buildGraph(nodes, edges, { keepEdgeIds: options.keepEdgeIds ?? true });
  const buildMs = performance.now() - t0;
  const queries = options.queries ?? 1000;
  const threeHop = timeQueries(queries, options.seed + 1, options.nodes, (id) =>
    neighbourhoodArrays(graph, findNode(graph, id), 3),
  );
  const nearest = timeQueries(queries, options.seed + 2, options.nodes, (id) =>
    nearestFlagged(graph, findNode(graph, id), { maxHops: 4 }),
  );
  return {
    nodes: graph.nodeCount,
    edges: graph.edgeCount,
    buildMs: Math.round(buildMs),
    bytes: graphBytes(graph),
    threeHopP50Ms: percentile(threeHop, 0.5),
    threeHopP99Ms: percentile(threeHop, 0.99),
    nearestFlaggedP50Ms: percentile(nearest, 0.5),
    nearestFlaggedP99Ms: percentile(nearest, 0.99),
  };
}
