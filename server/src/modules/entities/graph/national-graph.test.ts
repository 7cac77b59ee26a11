import { describe, expect, it } from 'vitest';
import { findNode, isFlagged, nodeIdAt, nodeSchemaAt } from './graph-access.js';
import { buildNationalGraph, NATIONAL_COUNTS } from './national-graph.js';
import { neighbourhoodArrays } from './neighbourhood.js';
import { nearestFlagged } from './nearest-flagged.js';

describe('buildNationalGraph (the --scale nl generator, here at 1/2000 of the size)', () => {
  const scale = 1 / 2000;
  const { graph, persons, addresses, companies, edgesByKind } = buildNationalGraph({ scale, seed: 3 });

  it('numbers persons, addresses and companies in order and finds them by id', () => {
    expect([persons, addresses, companies]).toEqual([
      NATIONAL_COUNTS.persons * scale,
      NATIONAL_COUNTS.addresses * scale,
      NATIONAL_COUNTS.companies * scale,
    ]);
    expect(graph.nodeCount).toBe(persons + addresses + companies);
    expect([nodeIdAt(graph, 0), nodeSchemaAt(graph, 0)]).toEqual(['p0', 'Person']);
    expect(nodeSchemaAt(graph, persons)).toBe('Address');
    expect(nodeIdAt(graph, graph.nodeCount - 1)).toBe(`c${companies - 1}`);
    for (let i = 0; i < graph.nodeCount; i += 37) expect(findNode(graph, nodeIdAt(graph, i))).toBe(i);
  });

  it('has about 25M/17.5M edges per node, of every kind, with hubs', () => {
    const added = Object.values(edgesByKind).reduce((a, b) => a + b, 0);
    expect(Object.keys(edgesByKind)).toHaveLength(8);
    expect(added / graph.nodeCount).toBeCloseTo(25 / 17.5, 1);
    expect(graph.edgeCount).toBeGreaterThan(added * 0.99);
    let maxDegree = 0;
    let flagged = 0;
    for (let u = 0; u < graph.nodeCount; u++) {
      const degree = graph.outStart[u + 1]! - graph.outStart[u]! + graph.inStart[u + 1]! - graph.inStart[u]!;
      maxDegree = Math.max(maxDegree, degree);
      if (isFlagged(graph, u)) flagged++;
    }
    expect(maxDegree).toBeGreaterThan(20);
    expect(flagged).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and answers queries', () => {
    const again = buildNationalGraph({ scale, seed: 3 }).graph;
    expect(again.outTarget).toEqual(graph.outTarget);
    expect(again.edgeIds.bytes).toEqual(graph.edgeIds.bytes);
    const answer = neighbourhoodArrays(graph, 0, 3);
    expect(answer.nodes[0]).toBe(0);
    expect(answer.nodes.length).toBeGreaterThan(1);
    expect(nearestFlagged(graph, 0, { maxHops: 8 }).visitedNodes).toBeGreaterThan(1);
  });
});
