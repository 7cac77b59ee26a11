import { degreeOf, findEdge, ownerOfSlot } from './graph-access.js';
import type { EntityGraph } from './graph.types.js';
import { Growable, u32 } from './growable.js';

/** Parent link flag: the node was reached through an in slot rather than an out slot. */
const IN_LINK = 0x80000000;
const NO_PARENT = 0xffffffff;

/**
 * Per-graph scratch space reused by every query. A node counts as visited when its stamp
 * equals the current epoch, so a query never clears or allocates O(n) memory.
 */
export interface Workspace {
  /** Uint16 to save 2 bytes per node; wrapping every 65535 queries costs one fill. */
  stamp: Uint16Array;
  parent: Uint32Array;
  epoch: number;
  queue: Growable<Uint32Array>;
}

const workspaces = new WeakMap<EntityGraph, Workspace>();

/** The graph's reusable workspace (6 bytes per node, created on first query). */
export function workspaceFor(graph: EntityGraph): Workspace {
  let ws = workspaces.get(graph);
  if (!ws) {
    ws = {
      stamp: new Uint16Array(graph.nodeCount),
      parent: new Uint32Array(graph.nodeCount),
      epoch: 0,
      queue: new Growable(u32, 4096),
    };
    workspaces.set(graph, ws);
  }
  return ws;
}

export interface BfsLimits {
  maxHops: number;
  /** Nodes with a higher degree are reached but not expanded (except the start). */
  hubDegreeCap: number;
  /** Stop discovering once this many nodes are visited. */
  maxNodes: number;
}

export interface BfsRun {
  ws: Workspace;
  /** levelEnds[d] = queue length after depth d; queue[0] is the start. */
  levelEnds: number[];
  /** Pairs (node, depth) of hubs that were not expanded. */
  skippedHubs: number[];
  truncated: boolean;
}

function begin(ws: Workspace, start: number): void {
  if (ws.epoch === 0xffff) {
    ws.stamp.fill(0);
    ws.epoch = 0;
  }
  ws.epoch++;
  ws.queue.length = 0;
  ws.stamp[start] = ws.epoch;
  ws.parent[start] = NO_PARENT;
  ws.queue.push(start);
}

function visit(ws: Workspace, node: number, link: number): void {
  if (ws.stamp[node] === ws.epoch) return;
  ws.stamp[node] = ws.epoch;
  ws.parent[node] = link;
  ws.queue.push(node);
}

function expand(graph: EntityGraph, ws: Workspace, u: number): void {
  for (let s = graph.outStart[u]!, end = graph.outStart[u + 1]!; s < end; s++) visit(ws, graph.outTarget[s]!, s);
  for (let k = graph.inStart[u]!, end = graph.inStart[u + 1]!; k < end; k++)
    visit(ws, graph.inSource[k]!, (k | IN_LINK) >>> 0);
}

/**
 * Level-synchronous BFS ignoring edge direction. After each level `onLevel(from, to, depth)`
 * sees the new queue range; returning false stops the search.
 */
export function runBfs(
  graph: EntityGraph,
  start: number,
  limits: BfsLimits,
  onLevel: (from: number, to: number, depth: number) => boolean = () => true,
): BfsRun {
  const ws = workspaceFor(graph);
  begin(ws, start);
  const run: BfsRun = { ws, levelEnds: [1], skippedHubs: [], truncated: false };
  let levelStart = 0;
  for (let depth = 1; depth <= limits.maxHops; depth++) {
    const levelEnd = ws.queue.length;
    for (let i = levelStart; i < levelEnd && !run.truncated; i++) {
      const u = ws.queue.data[i]!;
      if (i > 0 && degreeOf(graph, u) > limits.hubDegreeCap) {
        run.skippedHubs.push(u, depth - 1);
        continue;
      }
      expand(graph, ws, u);
      if (ws.queue.length >= limits.maxNodes) run.truncated = true;
    }
    levelStart = levelEnd;
    run.levelEnds.push(ws.queue.length);
    const wantsMore = onLevel(levelEnd, ws.queue.length, depth);
    if (run.truncated || !wantsMore) break;
  }
  return run;
}

/** One hop of a found path: the edge and whether it was walked in its FtM direction. */
export interface PathHop {
  edge: number;
  source: number;
  forward: boolean;
}

/** Walks parent links back from `node`; returns nodes start..node and the hops between. */
export function tracePath(graph: EntityGraph, ws: Workspace, node: number): { nodes: number[]; hops: PathHop[] } {
  const nodes = [node];
  const hops: PathHop[] = [];
  let v = node;
  while (ws.parent[v] !== NO_PARENT) {
    const link = ws.parent[v]!;
    if (link & IN_LINK) {
      const slot = link & ~IN_LINK;
      const u = ownerOfSlot(graph.inStart, slot);
      hops.push({ edge: findEdge(graph, v, u), source: v, forward: false });
      v = u;
    } else {
      const u = ownerOfSlot(graph.outStart, link);
      hops.push({ edge: link, source: u, forward: true });
      v = u;
    }
    nodes.push(v);
  }
  return { nodes: nodes.reverse(), hops: hops.reverse() };
}
