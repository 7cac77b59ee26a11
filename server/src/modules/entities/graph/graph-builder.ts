import { encodeDay } from './graph-dates.js';
import { EDGE_TYPES, FLAG_BIT, FLAGGING_TOPICS, GRAPH_TOPICS } from './graph.types.js';
import type { EdgeRecord, EdgeType, EntityGraph, NodeRecord, StringTable } from './graph.types.js';
import { Growable, u16, u32, u8 } from './growable.js';
import { buildIdIndexFromHashes, hashBytes, probeId } from './id-index.js';
import { finishEdges } from './graph-edges.js';
import type { StagedEdges } from './graph-edges.js';
import { encodeToScratch, StringTableBuilder, utf8Scratch } from './string-table.js';

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
  /** hashBytes of every node id, kept while building so probes and regrowth skip id bytes. */
  private readonly hashes = new Growable(u32);
  /**
   * The staging id index, kept at most half full: a new id is an unsuccessful probe, which
   * at 0.75 load walks ~8 slots (each a cache miss at millions of ids) and at 0.5 about 2.5.
   * The built graph's index is rebuilt at 0.75 from the hashes.
   */
  private slots: Uint32Array = new Uint32Array(2048);
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
    this.setNode(index, node.schema, nodeFlagBits(node), encodeDay(node.birthDate ?? node.incorporationDate));
  }

  /** Adds an edge; throws on an edge schema the graph does not know. */
  addEdge(edge: EdgeRecord): void {
    const type = EDGE_TYPES.indexOf(edge.schema);
    if (type < 0) throw new TypeError(`unknown edge schema: ${String(edge.schema)}`);
    const source = this.intern(edge.source);
    const target = this.intern(edge.target);
    this.addEdgeAt(source, target, edge.schema, edge.role, encodeDay(edge.startDate), encodeDay(edge.endDate), edge.id);
  }

  /** Number of nodes so far (placeholders included); node indices are 0 .. count - 1. */
  get nodeCount(): number {
    return this.ids.count;
  }

  /**
   * Index of a node id, adding a placeholder `Thing` when it is new. With `setNode` and
   * `addEdgeAt` a generator can build from numbers without a record object per node or edge.
   */
  nodeIndex(id: string): number {
    return this.intern(id);
  }

  /** Whether a node with this id exists already (placeholders included); adds nothing. */
  hasNode(id: string): boolean {
    const length = encodeToScratch(id);
    return (
      probeId(
        this.slots,
        this.hashes.data,
        this.liveIds(),
        utf8Scratch(),
        length,
        hashBytes(utf8Scratch(), 0, length),
      ) >= 0
    );
  }

  /** Sets node `index`'s schema (unless `Thing`), ORs in flag bits and sets its day when not 0. */
  setNode(index: number, schema: string, flagBits: number, day = 0): void {
    this.checkNode(index);
    if (schema !== PLACEHOLDER_SCHEMA) this.schema.data[index] = this.schemaCode(schema);
    this.flags.data[index] = this.flags.data[index]! | flagBits;
    if (day !== 0) this.date.data[index] = day;
  }

  /**
   * Adds an edge between node indices; days as `encodeDay` gives them (0 = none). A
   * self-loop carries no path information and is dropped (and counted).
   */
  addEdgeAt(
    source: number,
    target: number,
    schema: EdgeType,
    role: string | undefined,
    startDay: number,
    endDay: number,
    id: string,
  ): void {
    const type = EDGE_TYPES.indexOf(schema);
    if (type < 0) throw new TypeError(`unknown edge schema: ${String(schema)}`);
    this.checkNode(source);
    this.checkNode(target);
    if (source === target) {
      this.droppedSelfLoops++;
      return;
    }
    const e = this.edges;
    e.source.push(source);
    e.target.push(target);
    e.typeRole.push(type | (this.roleCode(role) << 4));
    e.start.push(startDay);
    e.end.push(endDay);
    e.ids.append(this.options.keepEdgeIds === false ? '' : id);
  }

  private checkNode(index: number): void {
    if (!(index >= 0 && index < this.ids.count && Number.isInteger(index))) throw new RangeError(`no node ${index}`);
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
      idIndex: buildIdIndexFromHashes(this.hashes.data, nodeCount),
      nodeSchema: this.schema.toArray(),
      nodeFlags: this.flags.toArray(),
      nodeDate: this.date.toArray(),
      ...edgeParts,
      schemaNames: [PLACEHOLDER_SCHEMA, ...this.schemaCodes.keys()],
      roleNames: ['', ...this.roleCodes.keys()],
    };
  }

  private intern(id: string): number {
    const length = encodeToScratch(id);
    const key = utf8Scratch();
    const hash = hashBytes(key, 0, length);
    const found = probeId(this.slots, this.hashes.data, this.liveIds(), key, length, hash);
    if (found >= 0) return found;
    const index = this.ids.appendBytes(key, length);
    this.hashes.push(hash);
    if ((index + 1) * 2 > this.slots.length) {
      this.slots = buildIdIndexFromHashes(this.hashes.data, index + 1, this.slots.length * 2);
    } else {
      this.slots[-found - 1] = index + 1;
    }
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
