import { degreeOf, edgeStrengthAt, findNode, isFlagged, nodeIdAt, toGraphEdge, toGraphNode } from './graph-access.js';
import type { EntityGraph, GraphEdge, GraphNode, SkippedHub } from './graph.types.js';
import { describeSkippedHubs } from './neighbourhood.js';
import { DEFAULT_HUB_DEGREE_CAP, DEFAULT_HUB_DEGREE_SOFT, DEFAULT_MAX_NODES } from './query-defaults.js';
import { runBfs, tracePath, workspaceFor } from './traversal.js';
import type { Workspace } from './traversal.js';

export interface FlaggedPathOptions {
  maxHops?: number;
  maxPaths?: number;
  /** Nodes above this degree are not expanded (reported in `skippedHubs`). */
  hubDegreeCap?: number;
  /** Nodes above this degree are expanded but count as hubs when ranking. */
  hubDegreeSoft?: number;
  maxNodes?: number;
}

export interface FlaggedPath {
  target: GraphNode;
  /** Number of edges. */
  length: number;
  hubCount: number;
  /** Product of edge strengths (1 = all control ties). */
  strength: number;
  /** Start first, flagged target last. */
  nodes: GraphNode[];
  /** edges[i] joins nodes[i] and nodes[i+1], given in its own FtM direction. */
  edges: GraphEdge[];
}

export interface FlaggedPathsResult {
  start: GraphNode;
  startFlagged: boolean;
  paths: FlaggedPath[];
  skippedHubs: SkippedHub[];
  truncated: boolean;
  visitedNodes: number;
}

interface Candidate {
  node: number;
  nodes: number[];
  edges: number[];
  hubCount: number;
  strength: number;
}

/** Traces the BFS tree path to the node at queue position `position`. */
function traceCandidate(graph: EntityGraph, ws: Workspace, position: number, soft: number): Candidate {
  const { nodes, hops } = tracePath(graph, ws, position);
  const inner = nodes.slice(1, -1);
  return {
    node: nodes[nodes.length - 1]!,
    nodes,
    edges: hops.map((hop) => hop.edge),
    hubCount: inner.filter((n) => degreeOf(graph, n) > soft).length,
    strength: hops.reduce((product, hop) => product * edgeStrengthAt(graph, hop.edge), 1),
  };
}

/** Shorter first, then fewer hubs, then stronger ties; ids break ties so answers are stable. */
function compareCandidates(graph: EntityGraph): (a: Candidate, b: Candidate) => number {
  return (a, b) =>
    a.edges.length - b.edges.length ||
    a.hubCount - b.hubCount ||
    b.strength - a.strength ||
    (nodeIdAt(graph, a.node) < nodeIdAt(graph, b.node) ? -1 : 1);
}

function toFlaggedPath(graph: EntityGraph, c: Candidate): FlaggedPath {
  const nodes = c.nodes.map((n) => toGraphNode(graph, n));
  return {
    target: nodes[nodes.length - 1]!,
    length: c.edges.length,
    hubCount: c.hubCount,
    strength: c.strength,
    nodes,
    edges: c.edges.map((e) => toGraphEdge(graph, e)),
  };
}

/** Shortest paths from a node to flagged nodes, ranked; null for an unknown id. */
export function findPathsToFlagged(
  graph: EntityGraph,
  nodeId: string,
  options: FlaggedPathOptions = {},
): FlaggedPathsResult | null {
  const start = findNode(graph, nodeId);
  if (start < 0) return null;
  const maxPaths = options.maxPaths ?? 10;
  /** Queue positions of flagged nodes, in BFS order. */
  const found: number[] = [];
  const ws = workspaceFor(graph);
  const run = runBfs(
    graph,
    start,
    {
      maxHops: options.maxHops ?? 4,
      hubDegreeCap: options.hubDegreeCap ?? DEFAULT_HUB_DEGREE_CAP,
      maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    },
    (from, to) => {
      for (let i = from; i < to; i++) if (isFlagged(graph, ws.queue[i]!)) found.push(i);
      return found.length < maxPaths;
    },
  );
  // Ranking only needs the first few candidates per level; tracing thousands would not help.
  const candidates = found
    .slice(0, maxPaths * 10)
    .map((p) => traceCandidate(graph, run.ws, p, options.hubDegreeSoft ?? DEFAULT_HUB_DEGREE_SOFT));
  candidates.sort(compareCandidates(graph));
  return {
    start: toGraphNode(graph, start),
    startFlagged: isFlagged(graph, start),
    paths: candidates.slice(0, maxPaths).map((c) => toFlaggedPath(graph, c)),
    skippedHubs: describeSkippedHubs(graph, run.skippedHubs),
    truncated: run.truncated,
    visitedNodes: run.ws.length,
  };
}
