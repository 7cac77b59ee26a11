import { degreeOf, findEdge, findNode, nodeIdAt, nodeSchemaAt, toGraphEdge, toGraphNode } from './graph-access.js';
import type { EntityGraph, GraphEdge, GraphNode, SkippedHub } from './graph.types.js';
import { DEFAULT_HUB_DEGREE_CAP } from './query-defaults.js';
import { clearVisited, IN_LINK, NO_PARENT, runBfs, workspaceFor } from './traversal.js';

export interface NeighbourhoodOptions {
  hubDegreeCap?: number;
  /** Answer size limit; `truncated` tells when it was hit. */
  maxNodes?: number;
}

/** Default answer size limit of a neighbourhood query. */
export const DEFAULT_NEIGHBOURHOOD_MAX_NODES = 5_000;
/** Depths are kept in a Uint8Array. */
export const MAX_NEIGHBOURHOOD_HOPS = 255;

/**
 * The n-hop neighbourhood as typed arrays: the fast answer (no object or string per node).
 * Entry i describes one node; entries are in BFS order, so depths never decrease, and
 * `parent`/`parentLink` form the BFS tree (one shortest path back to the start per node).
 * The arrays are views on one ArrayBuffer owned by the answer (not on the workspace), so
 * an answer stays valid after later queries.
 */
export interface NeighbourhoodArrays {
  /** Node index of the start (nodes[0]). */
  start: number;
  hops: number;
  /** Node indices in BFS order. */
  nodes: Uint32Array;
  /** Hop distance of nodes[i] from the start. */
  depth: Uint8Array;
  /** Entry index of nodes[i]'s BFS parent; -1 for the start. */
  parent: Int32Array;
  /**
   * The edge joining nodes[i] and its parent, encoded: a plain value is the parent's out slot,
   * which is the edge itself (walked in its FtM direction); a value with IN_LINK set is an
   * in slot of the parent (edge walked against its direction), which `parentEdgeAt` turns
   * into the edge with one binary search in the node's own out list. NO_PARENT for the start.
   * Why encoded: resolving in slots for every node cost more than the BFS itself at 1M
   * nodes (a dependent cache miss each), and a response shows only a few of them.
   */
  parentLink: Uint32Array;
  /** levelEnds[d] = number of entries with depth <= d. */
  levelEnds: Uint32Array;
  /** Pairs (node index, depth) of hubs that were reached but not expanded. */
  skippedHubs: Uint32Array;
  truncated: boolean;
}

export interface NeighbourhoodNode extends GraphNode {
  depth: number;
}

export interface Neighbourhood {
  center: string;
  hops: number;
  nodes: NeighbourhoodNode[];
  /** Every edge whose two ends are both in `nodes`. */
  edges: GraphEdge[];
  skippedHubs: SkippedHub[];
  truncated: boolean;
}

/** Hubs a query declined to expand (pairs of node index and depth), as shown to users. */
export function describeSkippedHubs(graph: EntityGraph, pairs: ArrayLike<number>): SkippedHub[] {
  const hubs: SkippedHub[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const node = pairs[i]!;
    hubs.push({
      id: nodeIdAt(graph, node),
      schema: nodeSchemaAt(graph, node),
      degree: degreeOf(graph, node),
      depth: pairs[i + 1]!,
    });
  }
  return hubs;
}

/**
 * The n-hop neighbourhood of node index `start` (edges in any direction) as typed arrays.
 * Costs one BFS over the graph's reused workspace plus copying the answer out.
 */
export function neighbourhoodArrays(
  graph: EntityGraph,
  start: number,
  hops = 3,
  options: NeighbourhoodOptions = {},
): NeighbourhoodArrays {
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_NEIGHBOURHOOD_HOPS)
    throw new RangeError(`hops must be a whole number from 0 to ${MAX_NEIGHBOURHOOD_HOPS}`);
  if (!(start >= 0 && start < graph.nodeCount)) throw new RangeError(`no node ${start} in the graph`);
  const run = runBfs(graph, start, {
    maxHops: hops,
    hubDegreeCap: options.hubDegreeCap ?? DEFAULT_HUB_DEGREE_CAP,
    maxNodes: options.maxNodes ?? DEFAULT_NEIGHBOURHOOD_MAX_NODES,
  });
  const { ws, levelEnds, skippedHubs } = run;
  const count = ws.length;
  // One buffer for every array of the answer: allocating a typed array costs microseconds
  // (an external backing store each), as much as a small BFS.
  const words = 3 * count + levelEnds.length + skippedHubs.length;
  const buffer = new ArrayBuffer(words * 4 + count);
  const nodes = new Uint32Array(buffer, 0, count);
  nodes.set(ws.queue.subarray(0, count));
  const parent = new Int32Array(buffer, count * 4, count);
  // NO_PARENT (0xffffffff) reads as -1 through an Int32 view.
  parent.set(new Int32Array(ws.from.buffer, ws.from.byteOffset, count));
  const parentLink = new Uint32Array(buffer, count * 8, count);
  parentLink.set(ws.link.subarray(0, count));
  const levels = new Uint32Array(buffer, count * 12, levelEnds.length);
  levels.set(levelEnds);
  const hubs = new Uint32Array(buffer, (3 * count + levelEnds.length) * 4, skippedHubs.length);
  hubs.set(skippedHubs);
  const depth = new Uint8Array(buffer, words * 4, count);
  for (let d = 1; d < levelEnds.length; d++) depth.fill(d, levelEnds[d - 1], levelEnds[d]);
  return {
    start,
    hops,
    nodes,
    depth,
    parent,
    parentLink,
    levelEnds: levels,
    skippedHubs: hubs,
    truncated: run.truncated,
  };
}

/** The edge (out slot) joining entry i and its BFS parent, or -1 for the start. */
export function parentEdgeAt(graph: EntityGraph, answer: NeighbourhoodArrays, i: number): number {
  const link = answer.parentLink[i]!;
  if (link === NO_PARENT) return -1;
  if ((link & IN_LINK) === 0) return link;
  return findEdge(graph, answer.nodes[i]!, answer.nodes[answer.parent[i]!]!);
}

/**
 * Edges (out slots) whose two ends are both in the answer, in answer order then slot order.
 * Marks the answer's nodes in the workspace's visit set (cleared again after), so it works
 * at any later time.
 */
export function inducedEdges(graph: EntityGraph, answer: NeighbourhoodArrays): Uint32Array {
  const edges: number[] = [];
  forEachInducedEdge(graph, answer, (edge) => edges.push(edge));
  return new Uint32Array(edges);
}

/** Calls `visit(edge, source)` for each induced edge, in answer order then slot order. */
function forEachInducedEdge(
  graph: EntityGraph,
  answer: NeighbourhoodArrays,
  visit: (edge: number, source: number) => void,
): void {
  const { visited } = workspaceFor(graph);
  const { nodes } = answer;
  const { outStart, outTarget } = graph;
  for (let i = 0; i < nodes.length; i++) visited[nodes[i]! >>> 5]! |= 1 << (nodes[i]! & 31);
  try {
    for (let i = 0; i < nodes.length; i++) {
      const u = nodes[i]!;
      for (let s = outStart[u]!, end = outStart[u + 1]!; s < end; s++) {
        const v = outTarget[s]!;
        if ((visited[v >>> 5]! & (1 << (v & 31))) !== 0) visit(s, u);
      }
    }
  } finally {
    clearVisited(visited, nodes, nodes.length);
  }
}

/** Entry i of a typed answer as the node object API responses show. */
export function neighbourhoodNodeAt(graph: EntityGraph, answer: NeighbourhoodArrays, i: number): NeighbourhoodNode {
  return { ...toGraphNode(graph, answer.nodes[i]!), depth: answer.depth[i]! };
}

/**
 * The object answer of a typed one: every node and every induced edge materialised (ids
 * decoded, topics listed). Callers that show only a page of nodes should use
 * `neighbourhoodNodeAt` on the entries they show instead.
 */
export function materialiseNeighbourhood(graph: EntityGraph, answer: NeighbourhoodArrays): Neighbourhood {
  const nodes: NeighbourhoodNode[] = [];
  for (let i = 0; i < answer.nodes.length; i++) nodes.push(neighbourhoodNodeAt(graph, answer, i));
  const edges: GraphEdge[] = [];
  forEachInducedEdge(graph, answer, (edge, source) => edges.push(toGraphEdge(graph, edge, source)));
  return {
    center: nodeIdAt(graph, answer.start),
    hops: answer.hops,
    nodes,
    edges,
    skippedHubs: describeSkippedHubs(graph, answer.skippedHubs),
    truncated: answer.truncated,
  };
}

/**
 * The n-hop neighbourhood of a node (edges in any direction) with every node and edge as an
 * object, or null for an unknown id. Built from `neighbourhoodArrays`; use that directly when
 * the answer is counted, compared or paged rather than shown whole.
 */
export function neighbourhood(
  graph: EntityGraph,
  nodeId: string,
  hops = 3,
  options: NeighbourhoodOptions = {},
): Neighbourhood | null {
  const start = findNode(graph, nodeId);
  if (start < 0) return null;
  const answer = neighbourhoodArrays(graph, start, hops, options);
  return { ...materialiseNeighbourhood(graph, answer), center: nodeId };
}
