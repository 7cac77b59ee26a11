import { isFlagged } from './graph-access.js';
import { FLAG_BIT } from './graph.types.js';
import type { EntityGraph } from './graph.types.js';
import { DEFAULT_HUB_DEGREE_CAP, DEFAULT_MAX_NODES } from './query-defaults.js';
import { edgeAtPosition, runBfs } from './traversal.js';

export interface NearestFlaggedOptions {
  maxHops?: number;
  /** Nodes above this degree are reached but not expanded. */
  hubDegreeCap?: number;
  maxNodes?: number;
}

/**
 * The nearest flagged node (other than the start) and one shortest path to it, as typed
 * arrays. The search stops at the first flagged node it discovers: BFS discovers nodes in
 * order of distance, so no nearer one can follow. Unlike `findPathsToFlagged` it does not
 * rank equally near targets (by hubs, tie strength, id); use that one for what users see.
 */
export interface NearestFlagged {
  start: number;
  startFlagged: boolean;
  /** Node index of the flagged node found, or -1 when none is within reach. */
  target: number;
  /** Hops to it, or -1. */
  distance: number;
  /** Node indices from the start to the target (empty when none). */
  path: Uint32Array;
  /** pathEdges[i] joins path[i] and path[i + 1], in whichever FtM direction it has. */
  pathEdges: Int32Array;
  /** Pairs (node index, depth) of hubs that were reached but not expanded. */
  skippedHubs: Uint32Array;
  truncated: boolean;
  visitedNodes: number;
}

/** Nearest flagged node within `maxHops` of node index `start` (default 4), with its path. */
export function nearestFlagged(graph: EntityGraph, start: number, options: NearestFlaggedOptions = {}): NearestFlagged {
  if (!(start >= 0 && start < graph.nodeCount)) throw new RangeError(`no node ${start} in the graph`);
  const run = runBfs(graph, start, {
    maxHops: options.maxHops ?? 4,
    hubDegreeCap: options.hubDegreeCap ?? DEFAULT_HUB_DEGREE_CAP,
    maxNodes: options.maxNodes ?? DEFAULT_MAX_NODES,
    stopMask: FLAG_BIT,
  });
  const { ws } = run;
  const distance = run.hit < 0 ? -1 : run.levelEnds.length - 1;
  const path = new Uint32Array(distance + 1);
  const pathEdges = new Int32Array(Math.max(0, distance));
  for (let p = run.hit, i = distance; p >= 0 && i >= 0; i--) {
    path[i] = ws.queue[p]!;
    if (i > 0) pathEdges[i - 1] = edgeAtPosition(graph, ws, p);
    p = ws.from[p]!;
  }
  return {
    start,
    startFlagged: isFlagged(graph, start),
    target: run.hit < 0 ? -1 : ws.queue[run.hit]!,
    distance,
    path,
    pathEdges,
    skippedHubs: Uint32Array.from(run.skippedHubs),
    truncated: run.truncated,
    visitedNodes: ws.length,
  };
}
