/**
 * A built graph's entity contributions, handed again to a fresh builder one entity at a time:
 * what the graph learnt from entity X is X's node (schema, flag and topic bits, date) with the
 * property edges it points out of X (they carry no id), or, for a relationship entity, the edge
 * whose id is X. Re-playing the entities in the order a full build reads them, with the changed
 * ones taken from the store instead, gives the very graph (node numbers included) a full build
 * of the new content gives, without reading the unchanged entities again.
 */
import {
  attributeIndex,
  edgeRoleAt,
  edgeTypeAt,
  findNode,
  nodeIdAt,
  nodeSchemaAt,
  ownerOfSlot,
} from './graph-access.js';
import type { GraphBuilder } from './graph-builder.js';
import type { EntityGraph } from './graph.types.js';
import { buildIdIndex, lookupId } from './id-index.js';
import { encodeUtf8 } from './string-table.js';

/** Placeholder nodes (made by an edge to an id no entity filled in) keep schema code 0. */
const PLACEHOLDER_CODE = 0;

export class GraphReplay {
  /** Out slot of each attributed edge, by attribute index. */
  private readonly attrSlots: Uint32Array;
  /** Hash of the edge ids (attribute index + 1 per slot). */
  private readonly edgeIdIndex: Uint32Array;

  constructor(private readonly graph: EntityGraph) {
    const attrCount = graph.attrStart.length;
    this.attrSlots = new Uint32Array(attrCount);
    for (let word = 0; word < graph.attrBits.length; word++) {
      let bits = graph.attrBits[word]!;
      let rank = graph.attrRank[word]!;
      while (bits !== 0) {
        const bit = 31 - Math.clz32(bits & -bits);
        this.attrSlots[rank++] = word * 32 + bit;
        bits &= bits - 1;
      }
    }
    this.edgeIdIndex = buildIdIndex(graph.edgeIds, attrCount);
  }

  /** Entities the graph holds something of: nodes filled by an entity, and relationship edges. */
  entityCount(): number {
    let count = 0;
    for (let node = 0; node < this.graph.nodeCount; node++) {
      if (this.graph.nodeSchema[node] !== PLACEHOLDER_CODE) count++;
    }
    const offsets = this.graph.edgeIds.offsets;
    for (let i = 0; i + 1 < offsets.length; i++) if (offsets[i + 1]! > offsets[i]!) count++;
    return count;
  }

  /** The out slot of the relationship edge with this entity id, or -1. */
  private edgeSlot(id: string): number {
    if (id === '') return -1;
    const attr = lookupId(this.edgeIdIndex, this.graph.edgeIds, encodeUtf8(id));
    return attr < 0 ? -1 : this.attrSlots[attr]!;
  }

  /** The node an entity filled in, or -1. */
  private entityNode(id: string): number {
    const node = findNode(this.graph, id);
    return node >= 0 && this.graph.nodeSchema[node] !== PLACEHOLDER_CODE ? node : -1;
  }

  /** Whether the graph holds a contribution of this entity. */
  holds(id: string): boolean {
    return this.edgeSlot(id) >= 0 || this.entityNode(id) >= 0;
  }

  /** Hands the entity's contribution to the builder, as a build from the entity would; false when there is none. */
  replay(builder: GraphBuilder, id: string): boolean {
    const slot = this.edgeSlot(id);
    if (slot >= 0) {
      this.replayEdge(builder, slot, id);
      return true;
    }
    const node = this.entityNode(id);
    if (node < 0) return false;
    const g = this.graph;
    const index = builder.nodeIndex(id);
    builder.setNode(index, nodeSchemaAt(g, node), g.nodeFlags[node]!, g.nodeDate[node]!);
    // The graph keeps a node's property edges sorted by target number, not in the entity's
    // property order. Only the order of targets the builder meets here for the first time
    // matters (they are numbered as they come): with two or more such the entity is named as
    // ambiguous, so the caller re-plays it from the store.
    let firstSeen = 0;
    for (let s = g.outStart[node]!; s < g.outStart[node + 1]!; s++) {
      if (attributeIndex(g, s) >= 0) continue; // a relationship edge: replayed with its own entity
      const targetId = nodeIdAt(g, g.outTarget[s]!);
      if (!builder.hasNode(targetId)) firstSeen++;
      const target = builder.nodeIndex(targetId);
      builder.addEdgeAt(index, target, edgeTypeAt(g, s), edgeRoleAt(g, s) ?? undefined, 0, 0, '');
    }
    if (firstSeen > 1) this.ambiguous.push(id);
    return true;
  }

  /** Entities whose property edges named several new targets (see replay): their numbering needs the store. */
  readonly ambiguous: string[] = [];

  private replayEdge(builder: GraphBuilder, slot: number, id: string): void {
    const g = this.graph;
    const source = builder.nodeIndex(nodeIdAt(g, ownerOfSlot(g.outStart, slot)));
    const target = builder.nodeIndex(nodeIdAt(g, g.outTarget[slot]!));
    const attr = attributeIndex(g, slot);
    const role = edgeRoleAt(g, slot) ?? undefined;
    builder.addEdgeAt(source, target, edgeTypeAt(g, slot), role, g.attrStart[attr]!, g.attrEnd[attr]!, id);
  }
}
