import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph-builder.js';
import { findPathsToFlagged } from './flagged-paths.js';
import { findNode, isFlagged, nodeIdAt, toGraphEdge } from './graph-access.js';
import { nearestFlagged } from './nearest-flagged.js';
import {
  inducedEdges,
  materialiseNeighbourhood,
  neighbourhood,
  neighbourhoodArrays,
  neighbourhoodNodeAt,
  parentEdgeAt,
} from './neighbourhood.js';
import { EDGE_TYPES } from './graph.types.js';
import type { EntityGraph } from './graph.types.js';
import type { EdgeRecord, NodeRecord } from './graph.types.js';

interface RandomGraph {
  n: number;
  pairs: [number, number][];
  flagged: boolean[];
}

const randomGraph = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 3 }),
    flagged: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

function toRecords(g: RandomGraph): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const nodes = g.flagged.map((flagged, i) => ({ id: `n${i}`, schema: 'Person', flagged }));
  const edges = g.pairs.map(([a, b], i) => ({
    id: `e${i}`,
    schema: EDGE_TYPES[i % EDGE_TYPES.length]!,
    source: `n${a}`,
    target: `n${b}`,
  }));
  return { nodes, edges };
}

/** Reference BFS on an adjacency list; hubs (degree > cap, not the start) are not expanded. */
function naiveDistances(g: RandomGraph, start: number, maxHops: number, cap = Infinity): Map<number, number> {
  const adjacency: number[][] = Array.from({ length: g.n }, () => []);
  for (const [a, b] of g.pairs) {
    if (a === b) continue;
    adjacency[a]!.push(b);
    adjacency[b]!.push(a);
  }
  const dist = new Map([[start, 0]]);
  let frontier = [start];
  for (let d = 1; d <= maxHops; d++) {
    const next: number[] = [];
    for (const u of frontier) {
      if (u !== start && adjacency[u]!.length > cap) continue;
      for (const v of adjacency[u]!) {
        if (dist.has(v)) continue;
        dist.set(v, d);
        next.push(v);
      }
    }
    frontier = next;
  }
  return dist;
}

describe('BFS against a naive reference', () => {
  it('neighbourhood has the same nodes at the same depths', () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(39), fc.integer({ min: 0, max: 5 }), (g, s, hops) => {
        const start = s % g.n;
        const { nodes, edges } = toRecords(g);
        const result = neighbourhood(buildGraph(nodes, edges), `n${start}`, hops, {
          hubDegreeCap: Infinity,
          maxNodes: Infinity,
        });
        const got = new Map(result?.nodes.map((node) => [Number(node.id.slice(1)), node.depth]));
        expect(got).toEqual(naiveDistances(g, start, hops));
      }),
    );
  });

  it('paths to flagged nodes have the reference lengths and are real paths', () => {
    fc.assert(
      fc.property(
        randomGraph,
        fc.nat(39),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (g, s, maxHops, cap) => {
          const start = s % g.n;
          const { nodes, edges } = toRecords(g);
          const graph = buildGraph(nodes, edges);
          const result = findPathsToFlagged(graph, `n${start}`, { maxHops, maxPaths: 1000, hubDegreeCap: cap });
          const expected = [...naiveDistances(g, start, maxHops, cap)].filter(([v, d]) => d > 0 && g.flagged[v]);
          const got = result!.paths.map((p): [number, number] => [Number(p.target.id.slice(1)), p.length]);
          expect(new Map(got)).toEqual(new Map(expected));
          for (const path of result!.paths) {
            path.edges.forEach((edge, i) => {
              const ends = [path.nodes[i]!.id, path.nodes[i + 1]!.id].sort();
              expect([edge.source, edge.target].sort()).toEqual(ends);
            });
          }
          const lengths = result!.paths.map((p) => p.length);
          expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        },
      ),
    );
  });
});

/** Whether edge e joins nodes a and b (in either direction). */
function joins(graph: EntityGraph, e: number, a: number, b: number): boolean {
  const edge = toGraphEdge(graph, e);
  const ends = [nodeIdAt(graph, a), nodeIdAt(graph, b)].sort();
  return [edge.source, edge.target].sort().join() === ends.join();
}

describe('typed-array answers', () => {
  const limits = fc.record({
    hops: fc.integer({ min: 0, max: 5 }),
    cap: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 0, max: 6 })),
    maxNodes: fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.integer({ min: 1, max: 30 })),
  });

  it('neighbourhoodArrays is the object answer, entry by entry, with a valid BFS tree', () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(39), limits, (g, s, { hops, cap, maxNodes }) => {
        const { nodes, edges } = toRecords(g);
        const graph = buildGraph(nodes, edges);
        const start = findNode(graph, `n${s % g.n}`);
        const options = { hubDegreeCap: cap, maxNodes };
        const objects = neighbourhood(graph, `n${s % g.n}`, hops, options)!;
        const typed = neighbourhoodArrays(graph, start, hops, options);
        // The typed answer outlives later queries: materialise it after another one ran.
        neighbourhoodArrays(graph, (start + 1) % graph.nodeCount, 2, options);
        expect(materialiseNeighbourhood(graph, typed)).toEqual(objects);
        expect(typed.nodes.length).toBe(objects.nodes.length);
        typed.nodes.forEach((node, i) => {
          expect(neighbourhoodNodeAt(graph, typed, i)).toEqual(objects.nodes[i]);
          expect(typed.depth[i]).toBe(objects.nodes[i]!.depth);
          if (i === 0) {
            expect([node, typed.parent[0], parentEdgeAt(graph, typed, 0)]).toEqual([start, -1, -1]);
            return;
          }
          const parent = typed.parent[i]!;
          expect(parent).toBeGreaterThanOrEqual(0);
          expect(parent).toBeLessThan(i);
          expect(typed.depth[parent]).toBe(typed.depth[i]! - 1);
          expect(joins(graph, parentEdgeAt(graph, typed, i), typed.nodes[parent]!, node)).toBe(true);
        });
        expect(typed.levelEnds[typed.levelEnds.length - 1]).toBe(typed.nodes.length);
        expect([...inducedEdges(graph, typed)].map((e) => toGraphEdge(graph, e))).toEqual(objects.edges);
        expect(typed.truncated).toBe(objects.truncated);
      }),
    );
  });

  it('nearestFlagged finds a nearest flagged node and a real shortest path to it', () => {
    fc.assert(
      fc.property(
        randomGraph,
        fc.nat(39),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (g, s, maxHops, cap) => {
          const start = s % g.n;
          const { nodes, edges } = toRecords(g);
          const graph = buildGraph(nodes, edges);
          const index = findNode(graph, `n${start}`);
          const result = nearestFlagged(graph, index, { maxHops, hubDegreeCap: cap, maxNodes: Infinity });
          const reference = [...naiveDistances(g, start, maxHops, cap)].filter(([v, d]) => d > 0 && g.flagged[v]);
          const nearest = Math.min(...reference.map(([, d]) => d));
          const ranked = findPathsToFlagged(graph, `n${start}`, { maxHops, hubDegreeCap: cap, maxPaths: 1 });
          expect(result.startFlagged).toBe(g.flagged[start]);
          if (reference.length === 0) {
            expect([result.target, result.distance, result.path.length, result.pathEdges.length]).toEqual([
              -1, -1, 0, 0,
            ]);
            expect(ranked!.paths).toEqual([]);
            return;
          }
          expect(result.distance).toBe(nearest);
          expect(ranked!.paths[0]!.length).toBe(nearest);
          expect(isFlagged(graph, result.target)).toBe(true);
          expect(result.path.length).toBe(nearest + 1);
          expect(result.path[0]).toBe(index);
          expect(result.path[nearest]).toBe(result.target);
          result.pathEdges.forEach((e, i) => expect(joins(graph, e, result.path[i]!, result.path[i + 1]!)).toBe(true));
        },
      ),
    );
  });
});
