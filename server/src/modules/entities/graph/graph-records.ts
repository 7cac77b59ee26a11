import { decodeDay } from './graph-dates.js';
import { edgeRoleAt, edgeTypeAt, isFlagged, nodeIdAt, nodeSchemaAt, toGraphEdge, topicsOf } from './graph-access.js';
import { GraphBuilder } from './graph-builder.js';
import type { EdgeRecord, EntityGraph, NodeRecord } from './graph.types.js';

/** The graph's nodes as records again (only what the graph keeps). */
export function* graphNodeRecords(graph: EntityGraph): Generator<NodeRecord> {
  for (let i = 0; i < graph.nodeCount; i++) {
    const day = decodeDay(graph.nodeDate[i]!) ?? undefined;
    const schema = nodeSchemaAt(graph, i);
    yield {
      id: nodeIdAt(graph, i),
      schema,
      flagged: isFlagged(graph, i),
      topics: topicsOf(graph, i),
      ...(schema === 'Person' ? { birthDate: day } : { incorporationDate: day }),
    };
  }
}

/** The graph's edges as records again. */
export function* graphEdgeRecords(graph: EntityGraph): Generator<EdgeRecord> {
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let s = graph.outStart[u]!; s < graph.outStart[u + 1]!; s++) {
      const edge = toGraphEdge(graph, s, u);
      yield {
        id: edge.id ?? '',
        schema: edgeTypeAt(graph, s),
        source: edge.source,
        target: edge.target,
        role: edgeRoleAt(graph, s) ?? undefined,
        startDate: edge.startDate ?? undefined,
        endDate: edge.endDate ?? undefined,
      };
    }
  }
}

/**
 * Incremental add by rebuild: the CSR arrays are immutable, so new records are merged with
 * the old ones into a fresh graph (O(n + e), seconds at millions; queries keep using the old
 * graph until the new one is swapped in).
 */
export function extendGraph(graph: EntityGraph, nodes: Iterable<NodeRecord>, edges: Iterable<EdgeRecord>): EntityGraph {
  const builder = new GraphBuilder();
  for (const node of graphNodeRecords(graph)) builder.addNode(node);
  for (const node of nodes) builder.addNode(node);
  for (const edge of graphEdgeRecords(graph)) builder.addEdge(edge);
  for (const edge of edges) builder.addEdge(edge);
  return builder.build();
}
