import { decodeDay } from './graph-dates.js';
import { popcount } from './graph-edges.js';
import { EDGE_STRENGTH, EDGE_TYPES, FLAG_BIT, GRAPH_TOPICS } from './graph.types.js';
import type { EdgeType, EntityGraph, GraphEdge, GraphNode, GraphTopic } from './graph.types.js';
import { lookupId } from './id-index.js';
import { encodeUtf8, readString } from './string-table.js';

/** Index of a node id, or -1 when the graph does not hold it. */
export function findNode(graph: EntityGraph, id: string): number {
  return lookupId(graph.idIndex, graph.nodeIds, encodeUtf8(id));
}

/** The string id of node i. */
export function nodeIdAt(graph: EntityGraph, node: number): string {
  return readString(graph.nodeIds, node);
}

/** Schema name of node i. */
export function nodeSchemaAt(graph: EntityGraph, node: number): string {
  return graph.schemaNames[graph.nodeSchema[node]!] ?? 'Thing';
}

/** Total degree (out + in) of node i. */
export function degreeOf(graph: EntityGraph, node: number): number {
  return graph.outStart[node + 1]! - graph.outStart[node]! + graph.inStart[node + 1]! - graph.inStart[node]!;
}

/** Whether node i is flagged (explicitly or through a flagging topic). */
export function isFlagged(graph: EntityGraph, node: number): boolean {
  return (graph.nodeFlags[node]! & FLAG_BIT) !== 0;
}

/** Topics of node i that the graph keeps. */
export function topicsOf(graph: EntityGraph, node: number): GraphTopic[] {
  const bits = graph.nodeFlags[node]!;
  return GRAPH_TOPICS.filter((_, i) => (bits & (1 << (i + 1))) !== 0);
}

/** A node as returned to callers. */
export function toGraphNode(graph: EntityGraph, node: number): GraphNode {
  return {
    id: nodeIdAt(graph, node),
    schema: nodeSchemaAt(graph, node),
    flagged: isFlagged(graph, node),
    topics: topicsOf(graph, node),
    degree: degreeOf(graph, node),
  };
}

/** Edge type of edge e. */
export function edgeTypeAt(graph: EntityGraph, edge: number): EdgeType {
  return EDGE_TYPES[graph.edgeTypeRole[edge]! & 0xf] ?? 'UnknownLink';
}

/** Ranking weight of edge e. */
export function edgeStrengthAt(graph: EntityGraph, edge: number): number {
  return EDGE_STRENGTH[edgeTypeAt(graph, edge)];
}

/** Role text of edge e, or null. */
export function edgeRoleAt(graph: EntityGraph, edge: number): string | null {
  return graph.roleNames[graph.edgeTypeRole[edge]! >>> 4] || null;
}

/** Position of edge e in the attribute arrays, or -1 when it has none. */
export function attributeIndex(graph: EntityGraph, edge: number): number {
  const word = graph.attrBits[edge >>> 5]!;
  const bit = 1 << (edge & 31);
  if ((word & bit) === 0) return -1;
  return graph.attrRank[edge >>> 5]! + popcount(word & (bit - 1));
}

/** Start day (0 = unknown) of edge e. */
export function edgeStartDay(graph: EntityGraph, edge: number): number {
  const attr = attributeIndex(graph, edge);
  return attr < 0 ? 0 : graph.attrStart[attr]!;
}

/** End day (0 = open/unknown) of edge e. */
export function edgeEndDay(graph: EntityGraph, edge: number): number {
  const attr = attributeIndex(graph, edge);
  return attr < 0 ? 0 : graph.attrEnd[attr]!;
}

/** The node whose CSR range holds `slot` (binary search over a start array). */
export function ownerOfSlot(start: Uint32Array, slot: number): number {
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (start[mid]! <= slot) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** First edge from `source` to `target` (out lists are sorted by target), or -1. */
export function findEdge(graph: EntityGraph, source: number, target: number): number {
  let lo = graph.outStart[source]!;
  let hi = graph.outStart[source + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (graph.outTarget[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo < graph.outStart[source + 1]! && graph.outTarget[lo] === target ? lo : -1;
}

/** An edge as returned to callers (source is the node owning the out slot). */
export function toGraphEdge(graph: EntityGraph, edge: number, source = ownerOfSlot(graph.outStart, edge)): GraphEdge {
  const attr = attributeIndex(graph, edge);
  const id = attr < 0 ? '' : readString(graph.edgeIds, attr);
  return {
    id: id || null,
    type: edgeTypeAt(graph, edge),
    source: nodeIdAt(graph, source),
    target: nodeIdAt(graph, graph.outTarget[edge]!),
    role: edgeRoleAt(graph, edge),
    startDate: attr < 0 ? null : decodeDay(graph.attrStart[attr]!),
    endDate: attr < 0 ? null : decodeDay(graph.attrEnd[attr]!),
  };
}
