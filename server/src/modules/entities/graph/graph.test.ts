import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph-builder.js';
import { extendGraph } from './graph-records.js';
import { findPathsToFlagged } from './flagged-paths.js';
import { neighbourhood, neighbourhoodArrays } from './neighbourhood.js';
import { nearestFlagged } from './nearest-flagged.js';
import { findNode, nodeIdAt } from './graph-access.js';
import type { EdgeRecord, NodeRecord } from './graph.types.js';

const person = (id: string): NodeRecord => ({ id, schema: 'Person' });
const company = (id: string, topics: string[] = []): NodeRecord => ({ id, schema: 'Company', topics });

function smallNetwork(): { nodes: NodeRecord[]; edges: EdgeRecord[] } {
  const nodes = [
    person('p1'),
    person('p2'),
    person('p3'),
    person('p4'),
    company('c1'),
    company('c2', ['crime.fin']),
    company('c3', ['sanction']),
  ];
  const edges: EdgeRecord[] = [
    { id: 'd1', schema: 'Directorship', source: 'p1', target: 'c1', role: 'bestuurder', startDate: '2020-01-01' },
    { id: 'd2', schema: 'Directorship', source: 'p2', target: 'c1', role: 'bestuurder' },
    { id: 'd3', schema: 'Directorship', source: 'p2', target: 'c2', startDate: '2021-05', endDate: '2023-02-03' },
    { id: 'f1', schema: 'Family', source: 'p3', target: 'p1', role: 'partner' },
    { id: 'as1', schema: 'Associate', source: 'p4', target: 'p3' },
    { id: 'o1', schema: 'Ownership', source: 'p4', target: 'c3', role: '100%' },
  ];
  return { nodes, edges };
}

describe('findPathsToFlagged', () => {
  it('finds the known shortest paths, ranked by strength when lengths tie', () => {
    const { nodes, edges } = smallNetwork();
    const result = findPathsToFlagged(buildGraph(nodes, edges), 'p1');
    expect(result?.paths.map((p) => p.nodes.map((n) => n.id))).toEqual([
      ['p1', 'c1', 'p2', 'c2'],
      ['p1', 'p3', 'p4', 'c3'],
    ]);
    const first = result!.paths[0]!;
    expect(first.length).toBe(3);
    expect(first.strength).toBe(1);
    expect(first.target).toMatchObject({ id: 'c2', flagged: true, topics: ['crime.fin'] });
    expect(first.edges).toEqual([
      {
        id: 'd1',
        type: 'Directorship',
        source: 'p1',
        target: 'c1',
        role: 'bestuurder',
        startDate: '2020-01-01',
        endDate: null,
      },
      {
        id: 'd2',
        type: 'Directorship',
        source: 'p2',
        target: 'c1',
        role: 'bestuurder',
        startDate: null,
        endDate: null,
      },
      {
        id: 'd3',
        type: 'Directorship',
        source: 'p2',
        target: 'c2',
        role: null,
        startDate: '2021-05-01',
        endDate: '2023-02-03',
      },
    ]);
    expect(result!.paths[1]!.strength).toBeCloseTo(0.9 * 0.6 * 1);
  });

  it('respects maxHops and maxPaths', () => {
    const { nodes, edges } = smallNetwork();
    const graph = buildGraph(nodes, edges);
    expect(findPathsToFlagged(graph, 'p1', { maxHops: 2 })?.paths).toEqual([]);
    expect(findPathsToFlagged(graph, 'p1', { maxPaths: 1 })?.paths).toHaveLength(1);
    expect(findPathsToFlagged(graph, 'p2', { maxHops: 1 })?.paths.map((p) => p.target.id)).toEqual(['c2']);
  });

  it('returns null for an unknown id and reports a flagged start', () => {
    const { nodes, edges } = smallNetwork();
    const graph = buildGraph(nodes, edges);
    expect(findPathsToFlagged(graph, 'nobody')).toBeNull();
    expect(findPathsToFlagged(graph, 'c2')?.startFlagged).toBe(true);
  });

  it('does not expand hubs above the cap and says so', () => {
    const nodes: NodeRecord[] = [person('resident'), { id: 'addr', schema: 'Address' }];
    const edges: EdgeRecord[] = [{ id: '', schema: 'addressEntity', source: 'resident', target: 'addr' }];
    for (let i = 0; i < 30; i++) {
      nodes.push(company(`shell${i}`, i === 7 ? ['crime'] : []));
      edges.push({ id: '', schema: 'addressEntity', source: `shell${i}`, target: 'addr', role: 'registered' });
    }
    const graph = buildGraph(nodes, edges);
    const capped = findPathsToFlagged(graph, 'resident', { hubDegreeCap: 10 });
    expect(capped?.paths).toEqual([]);
    expect(capped?.skippedHubs).toEqual([{ id: 'addr', schema: 'Address', degree: 31, depth: 1 }]);
    const open = findPathsToFlagged(graph, 'resident', { hubDegreeCap: 100, hubDegreeSoft: 20 });
    expect(open?.paths.map((p) => [p.nodes.map((n) => n.id), p.hubCount])).toEqual([
      [['resident', 'addr', 'shell7'], 1],
    ]);
    expect(open?.skippedHubs).toEqual([]);
  });

  it('prefers a path around a hub over one through it', () => {
    const nodes: NodeRecord[] = [
      person('start'),
      person('friend'),
      { id: 'hub', schema: 'Address' },
      company('bad', ['crime']),
      company('bad2', ['crime']),
    ];
    const edges: EdgeRecord[] = [
      { id: '', schema: 'addressEntity', source: 'start', target: 'hub' },
      { id: '', schema: 'addressEntity', source: 'bad', target: 'hub' },
      { id: 'a', schema: 'Associate', source: 'start', target: 'friend' },
      { id: 'o', schema: 'Ownership', source: 'friend', target: 'bad2' },
    ];
    for (let i = 0; i < 5; i++) edges.push({ id: '', schema: 'addressEntity', source: `filler${i}`, target: 'hub' });
    const result = findPathsToFlagged(buildGraph(nodes, edges), 'start', { hubDegreeSoft: 4 });
    expect(result?.paths.map((p) => p.target.id)).toEqual(['bad2', 'bad']);
  });
});

describe('neighbourhood', () => {
  it('returns nodes with their depth and the edges among them', () => {
    const { nodes, edges } = smallNetwork();
    const graph = buildGraph(nodes, edges);
    const one = neighbourhood(graph, 'p1', 1);
    expect(one?.nodes.map((n) => [n.id, n.depth])).toEqual([
      ['p1', 0],
      ['c1', 1],
      ['p3', 1],
    ]);
    expect(one?.edges.map((e) => e.id).sort()).toEqual(['d1', 'f1']);
    const three = neighbourhood(graph, 'p1', 3);
    expect(three?.nodes).toHaveLength(7);
    expect(three?.edges).toHaveLength(6);
    expect(neighbourhood(graph, 'p1', 3, { maxNodes: 3 })?.truncated).toBe(true);
    expect(neighbourhood(graph, 'x')).toBeNull();
  });
});

describe('query workspace', () => {
  it('stays correct over many queries (the visit set is cleared after each)', () => {
    const { nodes, edges } = smallNetwork();
    const graph = buildGraph(nodes, edges);
    const before = neighbourhood(graph, 'p1', 3);
    for (let i = 0; i < 70_000; i++) neighbourhood(graph, i % 2 ? 'p4' : 'c2', 1);
    expect(neighbourhood(graph, 'p1', 3)).toEqual(before);
    expect(findPathsToFlagged(graph, 'p1')?.paths).toHaveLength(2);
  });

  it('grows the answer queue past its first size and keeps parent links', () => {
    const leaves = 10_000;
    const nodes: NodeRecord[] = [{ id: 'hub', schema: 'Address' }, company('far', ['crime'])];
    const edges: EdgeRecord[] = [{ id: 'x', schema: 'UnknownLink', source: `leaf${leaves - 1}`, target: 'far' }];
    for (let i = 0; i < leaves; i++)
      edges.push({ id: '', schema: 'addressEntity', source: `leaf${i}`, target: 'hub', role: 'resident' });
    const graph = buildGraph(nodes, edges);
    const hub = findNode(graph, 'hub');
    const answer = neighbourhoodArrays(graph, hub, 2, { hubDegreeCap: Infinity, maxNodes: Infinity });
    expect(answer.nodes.length).toBe(leaves + 2);
    expect([...answer.levelEnds]).toEqual([1, leaves + 1, leaves + 2]);
    const last = answer.nodes.length - 1;
    expect(nodeIdAt(graph, answer.nodes[last]!)).toBe('far');
    expect(nodeIdAt(graph, answer.nodes[answer.parent[last]!]!)).toBe(`leaf${leaves - 1}`);
    const near = nearestFlagged(graph, hub, { hubDegreeCap: Infinity });
    expect([near.distance, [...near.path].map((n) => nodeIdAt(graph, n))]).toEqual([
      2,
      ['hub', `leaf${leaves - 1}`, 'far'],
    ]);
    expect(findPathsToFlagged(graph, 'hub', { hubDegreeCap: Infinity })?.paths[0]?.edges.map((e) => e.id)).toEqual([
      null,
      'x',
    ]);
  });
});

describe('buildGraph', () => {
  it('creates placeholders for unknown ends, drops self-loops and keeps parallel edges', () => {
    const graph = buildGraph(
      [person('a')],
      [
        { id: 'e1', schema: 'Directorship', source: 'a', target: 'later' },
        { id: 'e2', schema: 'Ownership', source: 'a', target: 'later' },
        { id: 'e3', schema: 'Associate', source: 'a', target: 'a' },
      ],
    );
    expect(graph.nodeCount).toBe(2);
    expect(graph.edgeCount).toBe(2);
    expect(neighbourhood(graph, 'later', 1)?.nodes[0]?.schema).toBe('Thing');
  });

  it('rejects edge schemata it does not model', () => {
    const bad = { id: 'x', schema: 'Payment', source: 'a', target: 'b' } as unknown as EdgeRecord;
    expect(() => buildGraph([], [bad])).toThrow(/unknown edge schema/);
  });

  it('extends a graph by rebuilding it with new records', () => {
    const { nodes, edges } = smallNetwork();
    const graph = buildGraph(nodes, edges);
    const bigger = extendGraph(
      graph,
      [company('c9', ['poi'])],
      [{ id: 'e9', schema: 'Employment', source: 'p1', target: 'c9', startDate: '2024-02-02' }],
    );
    expect(findPathsToFlagged(bigger, 'p1')?.paths[0]?.edges[0]).toMatchObject({
      id: 'e9',
      type: 'Employment',
      startDate: '2024-02-02',
    });
    expect(findPathsToFlagged(bigger, 'p1')?.paths).toHaveLength(3);
    expect(findPathsToFlagged(graph, 'p1')?.paths).toHaveLength(2);
  });
});
