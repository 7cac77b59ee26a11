import { encodeDay } from './graph-dates.js';
import { EDGE_TYPES, FLAG_BIT, FLAGGING_TOPICS, GRAPH_TOPICS } from './graph.types.js';
import type { EdgeRecord, EntityGraph, NodeRecord, StringTable } from './graph.types.js';
import { Growable, u16, u32, u8 } from './growable.js';
import { buildIdIndex, indexCapacity, insertId, lookupId, needsGrowth } from './id-index.js';
import { finishEdges } from './graph-edges.js';
import type { StagedEdges } from './graph-edges.js';
import { encodeUtf8, StringTableBuilder } from './string-table.js';

const PLACEHOLDER_SCHEMA = 'Thing';
/** Role codes share a Uint16 with the 4-bit edge type, so 4095 distinct roles at most. */
export const MAX_ROLES = 0xfff;
const TOPIC_BIT = new Map<string, number>(GRAPH_TOPICS.map((topic, i) => [topic, 1 << (i + 1)]));

/** Bit mask (flag + topics) of a node record. */
export function nodeFlagBits(node: Pick<NodeRecord, 'flagged' | 'topics'>): number {
  let bits = node.flagged ? FLAG_BIT : 0;
  for (const topic of node.topics ?? []) {
    bits |= TOPIC_BIT.get(topic) ?? 0;
    if (node.flagged === undefined && FLAGGING_TOPICS.has(topic)) bits |= FLAG_BIT;
  }
  return bits;
}

/**
 * Streaming graph builder: nodes and edges may arrive in any order (an edge to an unknown
 * id creates a placeholder `Thing` that a later node record fills in). Only typed arrays
 * grow while adding, so building from a generator never holds the records themselves.
 */
export class GraphBuilder {
  private readonly ids = new StringTableBuilder();
  private slots: Uint32Array = new Uint32Array(indexCapacity(1024));
  private readonly schema = new Growable(u8);
  private readonly flags = new Growable(u16);
  private readonly date = new Growable(u16);
  private readonly schemaCodes = new Map<string, number>();
  private readonly roleCodes = new Map<string, number>();
  private readonly edges: StagedEdges = {
    source: new Growable(u32),
    target: new Growable(u32),
    typeRole: new Growable(u16),
    start: new Growable(u16),
    end: new Growable(u16),
    ids: new StringTableBuilder(),
  };
  /** Self-loops carry no path information and are dropped. */
  droppedSelfLoops = 0;

  /** `keepEdgeIds: false` saves 4 bytes + the id per dated edge when ids live elsewhere. */
  constructor(private readonly options: GraphBuildOptions = {}) {}

  /** Adds or updates a node; a repeated id keeps its flags (OR) and takes the new schema. */
  addNode(node: NodeRecord): void {
    const index = this.intern(node.id);
    if (node.schema !== PLACEHOLDER_SCHEMA) this.schema.data[index] = this.schemaCode(node.schema);
    this.flags.data[index] = this.flags.data[index]! | nodeFlagBits(node);
    const day = encodeDay(node.birthDate ?? node.incorporationDate);
    if (day !== 0) this.date.data[index] = day;
  }

  /** Adds an edge; throws on an edge schema the graph does not know. */
  addEdge(edge: EdgeRecord): void {
    const type = EDGE_TYPES.indexOf(edge.schema);
    if (type < 0) throw new TypeError(`unknown edge schema: ${String(edge.schema)}`);
    const source = this.intern(edge.source);
    const target = this.intern(edge.target);
    if (source === target) {
      this.droppedSelfLoops++;
      return;
    }
    const e = this.edges;
    e.source.push(source);
    e.target.push(target);
    e.typeRole.push(type | (this.roleCode(edge.role) << 4));
    e.start.push(encodeDay(edge.startDate));
    e.end.push(encodeDay(edge.endDate));
    e.ids.append(this.options.keepEdgeIds === false ? '' : edge.id);
  }

  /** Freezes everything into an EntityGraph (the builder should not be used afterwards). */
  build(): EntityGraph {
    const nodeCount = this.ids.count;
    const nodeIds = this.ids.build();
    const edgeParts = finishEdges(this.edges, nodeCount);
    return {
      nodeCount,
      edgeCount: this.edges.source.length,
      nodeIds,
      idIndex: buildIdIndex(nodeIds, nodeCount),
      nodeSchema: this.schema.toArray(),
      nodeFlags: this.flags.toArray(),
      nodeDate: this.date.toArray(),
      ...edgeParts,
      schemaNames: [PLACEHOLDER_SCHEMA, ...this.schemaCodes.keys()],
      roleNames: ['', ...this.roleCodes.keys()],
    };
  }

  private intern(id: string): number {
    const key = encodeUtf8(id);
    const found = lookupId(this.slots, this.liveIds(), key);
    if (found >= 0) return found;
    if (needsGrowth(this.slots, this.ids.count)) {
      this.slots = buildIdIndex(this.liveIds(), this.ids.count, this.slots.length * 2);
    }
    const index = this.ids.appendBytes(key);
    insertId(this.slots, this.liveIds(), index);
    this.schema.push(0);
    this.flags.push(0);
    this.date.push(0);
    return index;
  }

  private view: StringTable = { bytes: new Uint8Array(0), offsets: new Uint32Array(0) };

  /** The id table as it is now; the view object is reused until an array grows. */
  private liveIds(): StringTable {
    if (this.view.bytes !== this.ids.bytes.data || this.view.offsets !== this.ids.offsets.data) {
      this.view = { bytes: this.ids.bytes.data, offsets: this.ids.offsets.data };
    }
    return this.view;
  }

  private schemaCode(name: string): number {
    let code = this.schemaCodes.get(name);
    if (code === undefined) {
      code = this.schemaCodes.size + 1;
      if (code > 0xff) throw new RangeError('more than 255 node schemata');
      this.schemaCodes.set(name, code);
    }
    return code;
  }

  private roleCode(role: string | undefined): number {
    if (!role) return 0;
    let code = this.roleCodes.get(role);
    if (code === undefined) {
      // Why not throw: a register with odd free-text roles must still load; the path
      // then shows no role for the overflow, which is visible rather than wrong.
      if (this.roleCodes.size + 1 > MAX_ROLES) return 0;
      code = this.roleCodes.size + 1;
      this.roleCodes.set(role, code);
    }
    return code;
  }
}

export interface GraphBuildOptions {
  /** Default true; false drops FtM edge ids (paths then show `id: null`). */
  keepEdgeIds?: boolean;
}

/** Builds a graph from node and edge records (any iterables, consumed once, nodes first). */
export function buildGraph(
  nodes: Iterable<NodeRecord>,
  edges: Iterable<EdgeRecord>,
  options: GraphBuildOptions = {},
): EntityGraph {
  const builder = new GraphBuilder(options);
  for (const node of nodes) builder.addNode(node);
  for (const edge of edges) builder.addEdge(edge);
  return builder.build();
}
