import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { EntityGraph } from './graph.types.js';

/**
 * Writes "source target" lines of 0-based node indices, one per edge, for comparison with
 * python-igraph:
 *   g = igraph.Graph.Read_Edgelist(path, directed=False)
 *   len(g.neighborhood(v, order=3)); g.distances(source=v, target=flagged)
 * The vertex numbering is the graph's own, so answers can be compared index by index.
 */
export async function writeEdgeList(graph: EntityGraph, path: string): Promise<void> {
  const out = createWriteStream(path);
  const flush = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let lines: string[] = [];
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let s = graph.outStart[u]!; s < graph.outStart[u + 1]!; s++) {
      lines.push(`${u} ${graph.outTarget[s]!}`);
      if (lines.length === 8192) {
        await flush(lines.join('\n') + '\n');
        lines = [];
      }
    }
  }
  if (lines.length > 0) await flush(lines.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
