/**
 * B2 peer: graphology, an undirected graph with one string key per node (its index in
 * the Weerbaar graph). 3-hop uses graphology-traversal's BFS; the nearest flagged node a
 * BFS over forEachNeighbor with parent links, stopping at the first flagged node.
 */
import { UndirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import type { B2Data } from './b2-data.js';
import { reachDigest } from './b2-data.js';
import type { B2Peer, B2Run } from './b2-peer.js';
import { timeReduced, WARMUP } from './b2-peer.js';
import { elapsedMs, retainedBytes, summarise } from './stats.js';

function buildGraphology(data: B2Data): UndirectedGraph {
  const { graph } = data;
  const g = new UndirectedGraph({ allowSelfLoops: true });
  for (let u = 0; u < graph.nodeCount; u++) g.addNode(String(u));
  for (let u = 0; u < graph.nodeCount; u++)
    for (let s = graph.outStart[u]!; s < graph.outStart[u + 1]!; s++)
      g.mergeEdge(String(u), String(graph.outTarget[s]!));
  return g;
}

/** The 3-hop answer as graphology gives it: node keys and their depths, in BFS order. */
interface KeysWithDepth {
  keys: string[];
  depths: number[];
}

function threeHop(g: UndirectedGraph): (node: number) => KeysWithDepth {
  return (node) => {
    const keys: string[] = [];
    const depths: number[] = [];
    bfsFromNode(g, String(node), (key, _attributes, depth) => {
      keys.push(key);
      depths.push(depth);
      return depth >= 3;
    });
    return { keys, depths };
  };
}

function nearest(g: UndirectedGraph, flagged: Set<string>): (node: number) => { distance: number; path: number[] } {
  return (node) => {
    const start = String(node);
    const parent = new Map<string, string>([[start, '']]);
    let frontier = [start];
    for (let depth = 1; depth <= 4 && frontier.length > 0; depth++) {
      const next: string[] = [];
      let found = '';
      for (const u of frontier) {
        g.forEachNeighbor(u, (v: string) => {
          if (parent.has(v)) return;
          parent.set(v, u);
          next.push(v);
          if (!found && flagged.has(v)) found = v;
        });
        if (found) break;
      }
      if (found) {
        const path: number[] = [];
        for (let v = found; v !== ''; v = parent.get(v) ?? '') path.push(Number(v));
        return { distance: depth, path: path.reverse() };
      }
      frontier = next;
    }
    return { distance: -1, path: [] };
  };
}

export const graphologyPeer: B2Peer = {
  name: 'graphology',
  what: 'bfsFromNode / forEachNeighbor BFS',
  timing:
    'in this process: bfsFromNode collecting node keys and depths (string keys, as graphology stores them); ' +
    'nearest: a BFS over forEachNeighbor with a Map of parents, stopping at the first flagged node',
  async run(data: B2Data, { budgetMs }): Promise<B2Run> {
    const before = retainedBytes();
    const start = process.hrtime.bigint();
    const g = buildGraphology(data);
    const buildMs = elapsedMs(start);
    const memoryBytes = retainedBytes() - before;
    const flagged = new Set(data.flagged.map(String));
    const options = { warmup: WARMUP, budgetMs };
    const reach = await timeReduced(
      data.queries,
      threeHop(g),
      (a) => reachDigest(a.keys.map(Number), a.depths),
      options,
    );
    const near = await timeReduced(data.queries, nearest(g, flagged), (a) => a, options);
    return {
      buildMs,
      memoryBytes,
      memoryNote: 'V8 heap retained by the graph',
      threeHop: summarise(reach.times),
      nearest: summarise(near.times),
      answers: {
        levels: reach.answers.map((a) => a.levels),
        digests: reach.answers.map((a) => a.digest),
        distance: near.answers.map((a) => a.distance),
        paths: near.answers.map((a) => a.path),
      },
    };
  },
};
