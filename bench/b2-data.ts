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

/** A node's answer: 3-hop reachable count, and distance (-1: none within 4) with one path. */
export interface B2Answers {
  reach: number[];
  distance: number[];
  paths: number[][];
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
