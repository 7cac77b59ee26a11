/**
 * Types and constants of the entity graph.
 *
 * Memory layout (see README.md for the full estimate): every node and edge lives in typed
 * arrays indexed by a dense integer, so 17.5M nodes / 25M edges fit in well under 1 GB of
 * structure instead of the several GB a Map/object per node would take.
 */

/** FtM edge schemata we keep, plus `addressEntity` for "registered at / resident" ties. */
export const EDGE_TYPES = [
  'Directorship',
  'Ownership',
  'Employment',
  'Family',
  'Associate',
  'Membership',
  'UnknownLink',
  'Representation',
  'addressEntity',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/**
 * How strongly a tie binds two entities, used to rank otherwise equal paths.
 * A legal control tie says more than a shared address or an unspecified link.
 */
export const EDGE_STRENGTH: Readonly<Record<EdgeType, number>> = {
  Directorship: 1,
  Ownership: 1,
  Family: 0.9,
  Representation: 0.7,
  Employment: 0.6,
  Associate: 0.6,
  Membership: 0.5,
  addressEntity: 0.4,
  UnknownLink: 0.3,
};

/**
 * FtM topics kept in the 15 topic bits of a node (bit 0 is "flagged"). Other topics are
 * dropped from the graph: it only needs the ones that make a node a screening hit.
 */
export const GRAPH_TOPICS = [
  'crime',
  'crime.fin',
  'crime.fraud',
  'crime.traffick',
  'crime.traffick.drug',
  'crime.traffick.human',
  'crime.boss',
  'crime.terror',
  'crime.cyber',
  'sanction',
  'sanction.linked',
  'poi',
  'wanted',
  'debarment',
  'corp.shell',
] as const;
export type GraphTopic = (typeof GRAPH_TOPICS)[number];

/** Topics that make a node "flagged" even without an explicit `flagged: true`. */
export const FLAGGING_TOPICS: ReadonlySet<string> = new Set(GRAPH_TOPICS.filter((t) => t !== 'corp.shell'));

export const FLAG_BIT = 1;

/** A node as handed to the builder. Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface NodeRecord {
  id: string;
  schema: string;
  flagged?: boolean;
  topics?: readonly string[];
  /** Persons: used for "young straw man". */
  birthDate?: string;
  /** Companies: used for "founded very recently". */
  incorporationDate?: string;
}

/** An edge as handed to the builder; `source`/`target` follow the FtM edge direction. */
export interface EdgeRecord {
  /** FtM entity id of the edge; empty for property edges such as `addressEntity`. */
  id: string;
  schema: EdgeType;
  source: string;
  target: string;
  role?: string;
  startDate?: string;
  endDate?: string;
}

/** Interned UTF-8 strings: string i is bytes[offsets[i] .. offsets[i+1]). */
export interface StringTable {
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/**
 * The compact graph. Edges are sorted by (source, target); edge index == out slot.
 *  - out CSR: outStart (n+1), outTarget (e)
 *  - in CSR:  inStart (n+1), inSource (e); the edge of an in slot is found again by binary
 *    search in the source's sorted out list, which saves 4 bytes per edge.
 *  - edge attributes (id, dates) only for edges that have any, addressed by rank over a bitmap.
 */
export interface EntityGraph {
  nodeCount: number;
  edgeCount: number;
  nodeIds: StringTable;
  /** Open-addressing hash of node ids: slot value is node index + 1, 0 = empty. */
  idIndex: Uint32Array;
  nodeSchema: Uint8Array;
  /** Bit 0 flagged, bits 1..15 GRAPH_TOPICS. */
  nodeFlags: Uint16Array;
  /** Days since 1899-12-31 (0 = unknown): birth or incorporation date. */
  nodeDate: Uint16Array;
  outStart: Uint32Array;
  outTarget: Uint32Array;
  inStart: Uint32Array;
  inSource: Uint32Array;
  /** Low 4 bits edge type code, high 12 bits role code (0 = none). */
  edgeTypeRole: Uint16Array;
  /** Bit e set when edge e has attributes. */
  attrBits: Uint32Array;
  /** Number of attributed edges before each 32-edge word. */
  attrRank: Uint32Array;
  attrStart: Uint16Array;
  attrEnd: Uint16Array;
  edgeIds: StringTable;
  schemaNames: string[];
  roleNames: string[];
}

/** A node as returned by queries. */
export interface GraphNode {
  id: string;
  schema: string;
  flagged: boolean;
  topics: GraphTopic[];
  degree: number;
}

/** An edge as returned by queries, in its FtM direction. */
export interface GraphEdge {
  /** FtM id of the edge entity, or null for property edges. */
  id: string | null;
  type: EdgeType;
  source: string;
  target: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** A hub that a query refused to expand, so the user can be told. */
export interface SkippedHub {
  id: string;
  schema: string;
  degree: number;
  depth: number;
}
