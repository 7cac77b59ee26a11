import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './graph-builder.js';
import { writeEdgeList } from './edge-list.js';
import { findPathsToFlagged } from './flagged-paths.js';
import { neighbourhood } from './neighbourhood.js';
import { graphBytes, loadGraph, readGraphSnapshot, serializeGraph, writeGraphSnapshot } from './snapshot.js';
import { randomRecords } from './bench.js';
import type { EntityGraph } from './graph.types.js';

function answers(graph: EntityGraph, ids: string[]): unknown[] {
  return ids.map((id) => [neighbourhood(graph, id, 2), findPathsToFlagged(graph, id, { maxHops: 4 })]);
}

describe('binary snapshot', () => {
  const { nodes, edges } = randomRecords({ nodes: 500, edgesPerNode: 3, seed: 7 });
  const graph = buildGraph(nodes, edges);
  const ids = Array.from({ length: 60 }, (_, i) => `n${i * 8}`);

  it('round-trips through a Buffer with identical answers', () => {
    const buffer = serializeGraph(graph);
    const loaded = loadGraph(buffer);
    expect(loaded.nodeCount).toBe(graph.nodeCount);
    expect(graphBytes(loaded)).toBe(graphBytes(graph));
    expect(answers(loaded, ids)).toEqual(answers(graph, ids));
  });

  it('loads from a misaligned buffer by copying once', () => {
    const buffer = serializeGraph(graph);
    const shifted = new Uint8Array(buffer.length + 3).subarray(3);
    shifted.set(buffer);
    expect(answers(loadGraph(shifted), ids)).toEqual(answers(graph, ids));
  });

  it('round-trips through a file and refuses foreign bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graph-'));
    try {
      await writeGraphSnapshot(graph, join(dir, 'g.bin'));
      expect(await readFile(join(dir, 'g.bin'))).toEqual(serializeGraph(graph));
      expect(answers(await readGraphSnapshot(join(dir, 'g.bin')), ids)).toEqual(answers(graph, ids));
      await writeEdgeList(graph, join(dir, 'edges.txt'));
      const lines = (await readFile(join(dir, 'edges.txt'), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(graph.edgeCount);
      expect(lines[0]).toMatch(/^\d+ \d+$/);
    } finally {
      await rm(dir, { recursive: true });
    }
    expect(() => loadGraph(Buffer.from('not a graph at all'))).toThrow(/snapshot/);
  });
});
