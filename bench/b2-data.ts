/**
 * B2 data: the skewed random graph of the graph engine's own bench (a few hubs collect
 * most ties, as addresses and formation agents do), query nodes, and the flagged nodes.
 * Every peer numbers nodes as the Weerbaar graph does, so answers compare index by index.
 */
import { buildGraph } from '../server/src/modules/entities/graph/graph-builder.js';
import { randomRecords } from '../server/src/modules/entities/graph/bench.js';
import { isFlagged, nodeIdAt } from '../server/src/modules/entities/graph/graph-access.js';
import type { EntityGraph } from '../server/src/modules/entities/graph/graph.types.js';

/** One node in a thousand is flagged, so most queries find one within 4 hops. */
const FLAGGED_RATE = 1 / 1000;

export interface B2Data {
  graph: EntityGraph;
  buildMs: number;
  /** Query start nodes (indices), the same for every peer. */
  queries: number[];
  flagged: number[];
}

/**
 * Answers per query node, compared across peers. 3-hop: the number of nodes at each distance
 * 0..3 and an order-independent digest of the (node, distance) pairs, so the set *with
 * distances* is compared without shipping whole sets between processes. Nearest flagged:
 * the distance (-1: none within 4) and one path (equal-length paths may differ).
 */
export interface B2Answers {
  levels: number[][];
  digests: number[];
  distance: number[];
  paths: number[][];
}

/** A nearest-flagged answer: distance (-1: none) and one path of node indices. */
export interface NearestAnswer {
  distance: number;
  path: number[];
}

/** A 3-hop answer reduced for comparison (see B2Answers). */
export interface ReachDigest {
  levels: number[];
  digest: number;
}

/** murmur3's 32-bit finaliser; igraph-peer.py computes the same. */
function mix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Level sizes and the sum (mod 2^32) of mix(node * 8 + depth) over the answer. */
export function reachDigest(nodes: ArrayLike<number>, depths: ArrayLike<number>): ReachDigest {
  const levels: number[] = [];
  let digest = 0;
  for (let i = 0; i < nodes.length; i++) {
    const depth = depths[i]!;
    while (levels.length <= depth) levels.push(0);
    levels[depth]!++;
    digest = (digest + mix(nodes[i]! * 8 + depth)) >>> 0;
  }
  return { levels, digest };
}

/** mulberry32, so query nodes do not depend on the engine's own generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds the graph (timed) and draws the query nodes. */
export function makeB2Data(nodes: number, edgesPerNode: number, queryCount: number, seed: number): B2Data {
  const { nodes: nodeRecords, edges } = randomRecords({ nodes, edgesPerNode, seed, flaggedRate: FLAGGED_RATE });
  const start = performance.now();
  const graph = buildGraph(nodeRecords, edges, { keepEdgeIds: true });
  const buildMs = performance.now() - start;
  const next = random(seed ^ 0xb2);
  const queries = Array.from({ length: queryCount }, () => Math.floor(next() * graph.nodeCount));
  const flagged: number[] = [];
  for (let i = 0; i < graph.nodeCount; i++) if (isFlagged(graph, i)) flagged.push(i);
  return { graph, buildMs, queries, flagged };
}

/** Whether two nodes share an edge (either direction). */
function adjacent(graph: EntityGraph, a: number, b: number): boolean {
  for (let s = graph.outStart[a]!; s < graph.outStart[a + 1]!; s++) if (graph.outTarget[s] === b) return true;
  for (let s = graph.outStart[b]!; s < graph.outStart[b + 1]!; s++) if (graph.outTarget[s] === a) return true;
  return false;
}

/** Why a path is not a valid shortest path to a flagged node, or null when it is. */
export function pathProblem(data: B2Data, start: number, distance: number, path: number[]): string | null {
  if (distance < 0) return path.length === 0 ? null : 'a path although no flagged node is in reach';
  if (path.length !== distance + 1) return `path of ${path.length - 1} hops for distance ${distance}`;
  if (path[0] !== start) return 'path does not begin at the query node';
  const end = path[path.length - 1]!;
  if (!isFlagged(data.graph, end)) return `path ends at ${nodeIdAt(data.graph, end)}, which is not flagged`;
  for (let i = 1; i < path.length; i++)
    if (!adjacent(data.graph, path[i - 1]!, path[i]!)) return `no edge between path nodes ${i - 1} and ${i}`;
  return null;
}
