import type { EntityGraph } from './graph.types.js';
import { Growable, u16 } from './growable.js';
import { StringTableBuilder } from './string-table.js';

/** Edges as staged by the builder, in arrival order. */
export interface StagedEdges {
  source: Growable<Uint32Array>;
  target: Growable<Uint32Array>;
  typeRole: Growable<Uint16Array>;
  start: Growable<Uint16Array>;
  end: Growable<Uint16Array>;
  ids: StringTableBuilder;
}

type EdgeParts = Pick<
  EntityGraph,
  | 'outStart'
  | 'outTarget'
  | 'inStart'
  | 'inSource'
  | 'edgeTypeRole'
  | 'attrBits'
  | 'attrRank'
  | 'attrStart'
  | 'attrEnd'
  | 'edgeIds'
>;

/** Exclusive prefix sums of per-node counts (length n + 1). */
function prefixCounts(keys: Uint32Array, count: number, nodeCount: number): Uint32Array {
  const start = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < count; i++) start[keys[i]! + 1]!++;
  for (let u = 0; u < nodeCount; u++) start[u + 1]! += start[u]!;
  return start;
}

/** Sorts perm[a..b) by target; insertion sort because most lists are a handful long. */
function sortSegment(perm: Uint32Array, a: number, b: number, target: Uint32Array): void {
  if (b - a > 32) {
    perm.subarray(a, b).sort((x, y) => target[x]! - target[y]! || x - y);
    return;
  }
  for (let i = a + 1; i < b; i++) {
    const item = perm[i]!;
    const key = target[item]!;
    let j = i - 1;
    while (j >= a && target[perm[j]!]! > key) {
      perm[j + 1] = perm[j]!;
      j--;
    }
    perm[j + 1] = item;
  }
}

/** Slot order: edges grouped by source, each group sorted by target (counting sort). */
function sortedPermutation(staged: StagedEdges, outStart: Uint32Array, nodeCount: number): Uint32Array {
  const count = staged.source.length;
  const source = staged.source.data;
  const cursor = outStart.slice(0, nodeCount);
  const perm = new Uint32Array(count);
  for (let e = 0; e < count; e++) perm[cursor[source[e]!]!++] = e;
  for (let u = 0; u < nodeCount; u++) sortSegment(perm, outStart[u]!, outStart[u + 1]!, staged.target.data);
  return perm;
}

/** Copies attributes of edges that have an id or a date; the rest cost one bit each. */
function packAttributes(
  staged: StagedEdges,
  perm: Uint32Array,
): Pick<EdgeParts, 'attrBits' | 'attrRank' | 'attrStart' | 'attrEnd' | 'edgeIds'> {
  const count = perm.length;
  const words = Math.ceil(count / 32);
  const attrBits = new Uint32Array(words);
  const attrRank = new Uint32Array(words + 1);
  const attrStart = new Growable(u16);
  const attrEnd = new Growable(u16);
  const edgeIds = new StringTableBuilder();
  const { bytes, offsets } = staged.ids;
  for (let slot = 0; slot < count; slot++) {
    const e = perm[slot]!;
    const idStart = offsets.data[e]!;
    const idEnd = offsets.data[e + 1]!;
    const start = staged.start.data[e]!;
    const end = staged.end.data[e]!;
    if (idEnd === idStart && start === 0 && end === 0) continue;
    attrBits[slot >>> 5]! |= 1 << (slot & 31);
    attrStart.push(start);
    attrEnd.push(end);
    edgeIds.appendRange(bytes.data, idStart, idEnd);
  }
  for (let w = 0; w < words; w++) attrRank[w + 1] = attrRank[w]! + popcount(attrBits[w]!);
  return { attrBits, attrRank, attrStart: attrStart.toArray(), attrEnd: attrEnd.toArray(), edgeIds: edgeIds.build() };
}

/** Number of set bits in a 32-bit word. */
export function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Turns staged edges into the out/in CSR arrays and packed attributes. */
export function finishEdges(staged: StagedEdges, nodeCount: number): EdgeParts {
  const count = staged.source.length;
  const outStart = prefixCounts(staged.source.data, count, nodeCount);
  const perm = sortedPermutation(staged, outStart, nodeCount);
  const outTarget = new Uint32Array(count);
  const edgeTypeRole = new Uint16Array(count);
  for (let slot = 0; slot < count; slot++) {
    outTarget[slot] = staged.target.data[perm[slot]!]!;
    edgeTypeRole[slot] = staged.typeRole.data[perm[slot]!]!;
  }
  const inStart = prefixCounts(outTarget, count, nodeCount);
  const inSource = new Uint32Array(count);
  const cursor = inStart.slice(0, nodeCount);
  // Walking slots in source order leaves every in list sorted by source.
  for (let u = 0; u < nodeCount; u++) {
    for (let slot = outStart[u]!; slot < outStart[u + 1]!; slot++) inSource[cursor[outTarget[slot]!]!++] = u;
  }
  return { outStart, outTarget, inStart, inSource, edgeTypeRole, ...packAttributes(staged, perm) };
}
