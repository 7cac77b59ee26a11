import { open, readFile } from 'node:fs/promises';
import type { EntityGraph } from './graph.types.js';

/**
 * Binary snapshot: "WBGRAPH1", a u32 header length, a JSON header, then the typed arrays,
 * each starting on an 8-byte boundary so loading can view them in place without copying.
 */
const MAGIC = 'WBGRAPH1';
const VERSION = 1;

type Kind = 'u8' | 'u16' | 'u32';
type AnyArray = Uint8Array | Uint16Array | Uint32Array;

interface Header {
  version: number;
  nodeCount: number;
  edgeCount: number;
  schemaNames: string[];
  roleNames: string[];
  arrays: { kind: Kind; length: number }[];
}

/** Arrays in snapshot order; `load` below reads them back in the same order. */
function arraysOf(g: EntityGraph): AnyArray[] {
  return [
    g.nodeIds.bytes,
    g.nodeIds.offsets,
    g.idIndex,
    g.nodeSchema,
    g.nodeFlags,
    g.nodeDate,
    g.outStart,
    g.outTarget,
    g.inStart,
    g.inSource,
    g.edgeTypeRole,
    g.attrBits,
    g.attrRank,
    g.attrStart,
    g.attrEnd,
    g.edgeIds.bytes,
    g.edgeIds.offsets,
  ];
}

function kindOf(array: AnyArray): Kind {
  if (array instanceof Uint32Array) return 'u32';
  return array instanceof Uint16Array ? 'u16' : 'u8';
}

const pad8 = (n: number): number => (n + 7) & ~7;

/** The snapshot as a list of byte chunks (header first), for a Buffer or a file. */
function snapshotChunks(graph: EntityGraph): Uint8Array[] {
  const arrays = arraysOf(graph);
  const header: Header = {
    version: VERSION,
    nodeCount: graph.nodeCount,
    edgeCount: graph.edgeCount,
    schemaNames: graph.schemaNames,
    roleNames: graph.roleNames,
    arrays: arrays.map((a) => ({ kind: kindOf(a), length: a.length })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(pad8(MAGIC.length + 4 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, MAGIC.length);
  json.copy(head, MAGIC.length + 4);
  const chunks: Uint8Array[] = [head];
  for (const array of arrays) {
    chunks.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    const gap = pad8(array.byteLength) - array.byteLength;
    if (gap > 0) chunks.push(new Uint8Array(gap));
  }
  return chunks;
}

/** Serialises the graph into one Buffer. */
export function serializeGraph(graph: EntityGraph): Buffer {
  return Buffer.concat(snapshotChunks(graph));
}

/** Writes a snapshot to a file chunk by chunk (no second in-memory copy of the graph). */
export async function writeGraphSnapshot(graph: EntityGraph, path: string): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const chunk of snapshotChunks(graph)) await file.write(chunk);
  } finally {
    await file.close();
  }
}

function view(buffer: Uint8Array, offset: number, kind: Kind, length: number): AnyArray {
  const base = buffer.byteOffset + offset;
  if (kind === 'u8') return new Uint8Array(buffer.buffer, base, length);
  if (kind === 'u16') return new Uint16Array(buffer.buffer, base, length);
  return new Uint32Array(buffer.buffer, base, length);
}

function readHeader(buffer: Uint8Array): { header: Header; offset: number } {
  const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a Weerbaar graph snapshot');
  const jsonLength = bytes.readUInt32LE(MAGIC.length);
  const header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + jsonLength)) as Header;
  if (header.version !== VERSION) throw new Error(`unsupported snapshot version ${header.version}`);
  return { header, offset: pad8(MAGIC.length + 4 + jsonLength) };
}

/** Loads a snapshot; the arrays are views on `buffer` (copied once if it is misaligned). */
export function loadGraph(input: Uint8Array): EntityGraph {
  const buffer = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const { header, offset: first } = readHeader(buffer);
  let offset = first;
  const arrays = header.arrays.map(({ kind, length }) => {
    const array = view(buffer, offset, kind, length);
    offset += pad8(array.byteLength);
    return array;
  });
  const take = <T extends AnyArray>(i: number, type: new (n: number) => T): T => {
    const array = arrays[i];
    if (!(array instanceof type)) throw new Error(`snapshot array ${i} has the wrong type`);
    return array;
  };
  return {
    nodeCount: header.nodeCount,
    edgeCount: header.edgeCount,
    nodeIds: { bytes: take(0, Uint8Array), offsets: take(1, Uint32Array) },
    idIndex: take(2, Uint32Array),
    nodeSchema: take(3, Uint8Array),
    nodeFlags: take(4, Uint16Array),
    nodeDate: take(5, Uint16Array),
    outStart: take(6, Uint32Array),
    outTarget: take(7, Uint32Array),
    inStart: take(8, Uint32Array),
    inSource: take(9, Uint32Array),
    edgeTypeRole: take(10, Uint16Array),
    attrBits: take(11, Uint32Array),
    attrRank: take(12, Uint32Array),
    attrStart: take(13, Uint16Array),
    attrEnd: take(14, Uint16Array),
    edgeIds: { bytes: take(15, Uint8Array), offsets: take(16, Uint32Array) },
    schemaNames: header.schemaNames,
    roleNames: header.roleNames,
  };
}

/** Reads a snapshot file written by writeGraphSnapshot. */
export async function readGraphSnapshot(path: string): Promise<EntityGraph> {
  return loadGraph(await readFile(path));
}

/** Bytes held by the graph's typed arrays (the figure the memory budget is about). */
export function graphBytes(graph: EntityGraph): number {
  return arraysOf(graph).reduce((sum, a) => sum + a.byteLength, 0);
}
