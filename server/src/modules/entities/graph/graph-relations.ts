import { edgeEndDay, edgeStartDay, edgeTypeAt, findEdge, nodeSchemaAt } from './graph-access.js';
import type { EdgeType, EntityGraph } from './graph.types.js';

const ORGANISATION_SCHEMATA: ReadonlySet<string> = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);

/** Whether node i is a company-like legal entity. */
export function isOrganisation(graph: EntityGraph, node: number): boolean {
  return ORGANISATION_SCHEMATA.has(nodeSchemaAt(graph, node));
}

/** A tie seen from one node: the edge, the node at the other end, and the direction. */
export interface Tie {
  edge: number;
  other: number;
  outgoing: boolean;
}

/** Every tie of a node of the given type (parallel edges included). */
export function tiesOf(
  graph: EntityGraph,
  node: number,
  type: EdgeType | null,
  direction: 'out' | 'in' | 'both' = 'both',
): Tie[] {
  const ties: Tie[] = [];
  if (direction !== 'in') {
    for (let s = graph.outStart[node]!; s < graph.outStart[node + 1]!; s++) {
      if (type === null || edgeTypeAt(graph, s) === type)
        ties.push({ edge: s, other: graph.outTarget[s]!, outgoing: true });
    }
  }
  if (direction !== 'out') {
    for (let k = graph.inStart[node]!; k < graph.inStart[node + 1]!; k++) {
      const source = graph.inSource[k]!;
      // Parallel edges from one source sit next to each other in its sorted out list;
      // only take them once, at the first in slot of that source.
      if (k > graph.inStart[node]! && graph.inSource[k - 1] === source) continue;
      for (
        let s = findEdge(graph, source, node);
        s >= 0 && s < graph.outStart[source + 1]! && graph.outTarget[s] === node;
        s++
      ) {
        if (type === null || edgeTypeAt(graph, s) === type) ties.push({ edge: s, other: source, outgoing: false });
      }
    }
  }
  return ties;
}

/** Whether a tie is current at `today` (no end date, or ending later). */
export function isActive(graph: EntityGraph, edge: number, today: number): boolean {
  const end = edgeEndDay(graph, edge);
  return end === 0 || end > today;
}

/** Directorships held by a node (as director), still active. */
export function activeDirectorships(graph: EntityGraph, node: number, today: number): Tie[] {
  return tiesOf(graph, node, 'Directorship', 'out').filter((t) => isActive(graph, t.edge, today));
}

/** Addresses a node is registered at or resides at. */
export function addressesOf(graph: EntityGraph, node: number): Tie[] {
  return tiesOf(graph, node, 'addressEntity', 'out');
}

/** Organisations registered at an address. */
export function organisationsAt(graph: EntityGraph, address: number): Tie[] {
  return tiesOf(graph, address, 'addressEntity', 'in').filter((t) => isOrganisation(graph, t.other));
}

/** Directorship starts and ends of a company on or after `sinceDay`: event count and ties. */
export function directorChangesSince(
  graph: EntityGraph,
  company: number,
  sinceDay: number,
): { events: number; ties: Tie[] } {
  let events = 0;
  const ties = tiesOf(graph, company, 'Directorship', 'in').filter((t) => {
    const start = edgeStartDay(graph, t.edge);
    const end = edgeEndDay(graph, t.edge);
    const inWindow = Number(start >= sinceDay) + Number(end !== 0 && end >= sinceDay);
    events += inWindow;
    return inWindow > 0;
  });
  return { events, ties };
}
