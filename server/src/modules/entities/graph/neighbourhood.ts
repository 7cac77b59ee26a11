import { findNode, nodeIdAt, nodeSchemaAt, toGraphEdge, toGraphNode, degreeOf } from './graph-access.js';
import type { EntityGraph, GraphEdge, GraphNode, SkippedHub } from './graph.types.js';
import { DEFAULT_HUB_DEGREE_CAP } from './query-defaults.js';
import { runBfs } from './traversal.js';
import type { BfsRun } from './traversal.js';

export interface NeighbourhoodOptions {
  hubDegreeCap?: number;
  /** Answer size limit; `truncated` tells when it was hit. */
  maxNodes?: number;
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

/** Hubs a BFS run declined to expand, in the shape callers show to users. */
export function describeSkippedHubs(graph: EntityGraph, run: BfsRun): SkippedHub[] {
  const hubs: SkippedHub[] = [];
  for (let i = 0; i < run.skippedHubs.length; i += 2) {
    const node = run.skippedHubs[i]!;
    hubs.push({
      id: nodeIdAt(graph, node),
      schema: nodeSchemaAt(graph, node),
      degree: degreeOf(graph, node),
      depth: run.skippedHubs[i + 1]!,
    });
  }
  return hubs;
}

function collectNodes(graph: EntityGraph, run: BfsRun): NeighbourhoodNode[] {
  const nodes: NeighbourhoodNode[] = [];
  const total = run.ws.queue.length;
  let depth = 0;
  for (let i = 0; i < total; i++) {
    while (i >= run.levelEnds[depth]!) depth++;
    nodes.push({ ...toGraphNode(graph, run.ws.queue.data[i]!), depth });
  }
  return nodes;
}

function collectEdges(graph: EntityGraph, run: BfsRun): GraphEdge[] {
  const { ws } = run;
  const edges: GraphEdge[] = [];
  for (let i = 0; i < ws.queue.length; i++) {
    const u = ws.queue.data[i]!;
    for (let s = graph.outStart[u]!, end = graph.outStart[u + 1]!; s < end; s++) {
      if (ws.stamp[graph.outTarget[s]!] === ws.epoch) edges.push(toGraphEdge(graph, s, u));
    }
  }
  return edges;
}

/** The n-hop neighbourhood of a node (edges in any direction), or null for an unknown id. */
export function neighbourhood(
  graph: EntityGraph,
  nodeId: string,
  hops = 3,
  options: NeighbourhoodOptions = {},
): Neighbourhood | null {
  const start = findNode(graph, nodeId);
  if (start < 0) return null;
  const run = runBfs(graph, start, {
    maxHops: hops,
    hubDegreeCap: options.hubDegreeCap ?? DEFAULT_HUB_DEGREE_CAP,
    maxNodes: options.maxNodes ?? 5_000,
  });
  return {
    center: nodeId,
    hops,
    nodes: collectNodes(graph, run),
    edges: collectEdges(graph, run),
    skippedHubs: describeSkippedHubs(graph, run),
    truncated: run.truncated,
  };
}
