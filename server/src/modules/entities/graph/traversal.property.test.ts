import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph-builder.js';
import { findPathsToFlagged } from './flagged-paths.js';
import { neighbourhood } from './neighbourhood.js';
import { EDGE_TYPES } from './graph.types.js';
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
