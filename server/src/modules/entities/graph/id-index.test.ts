import { describe, expect, it } from 'vitest';
import { buildIdIndex, hashBytes, indexCapacity, insertId, lookupId, needsGrowth } from './id-index.js';
import { encodeUtf8, readString, StringTableBuilder } from './string-table.js';
import { GraphBuilder } from './graph-builder.js';
import { findNode, nodeIdAt } from './graph-access.js';

const key = (id: string): Uint8Array => encodeUtf8(id).slice();

describe('node id index (typed-array hash, no Map: V8 Maps stop at 2^24 entries)', () => {
  it('finds every id and no absent one, probing past the end of the table', () => {
    const ids = new StringTableBuilder();
    for (let i = 0; i < 5_000; i++) ids.append(`id-${i}-é`);
    const table = ids.build();
    const slots = buildIdIndex(table, ids.count);
    expect(slots.length).toBe(indexCapacity(5_000));
    for (let i = 0; i < 5_000; i++) expect(lookupId(slots, table, key(`id-${i}-é`))).toBe(i);
    for (let i = 5_000; i < 6_000; i++) expect(lookupId(slots, table, key(`id-${i}-é`))).toBe(-1);
    expect(lookupId(new Uint32Array(0), table, key('id-1-é'))).toBe(-1);
  });

  it('wraps linear probing around the last slot', () => {
    const ids = new StringTableBuilder();
    const capacity = 7;
    // Find four ids that all hash to the last slot, so probing must wrap to 0, 1, 2.
    const colliding: string[] = [];
    for (let i = 0; colliding.length < 4; i++) {
      const bytes = key(`w${i}`);
      if (hashBytes(bytes) % capacity === capacity - 1) colliding.push(`w${i}`);
    }
    colliding.forEach((id) => ids.append(id));
    const table = ids.build();
    const slots = new Uint32Array(capacity);
    colliding.forEach((_, i) => insertId(slots, table, i));
    expect([...slots]).toEqual([2, 3, 4, 0, 0, 0, 1]);
    colliding.forEach((id, i) => expect(lookupId(slots, table, key(id))).toBe(i));
    expect(lookupId(slots, table, key('absent'))).toBe(-1);
  });

  it('grows while a builder interns ids, and the built graph finds them all', () => {
    const builder = new GraphBuilder();
    const count = 20_000;
    for (let i = 0; i < count; i++) builder.addNode({ id: `p${i}`, schema: 'Person' });
    for (let i = 0; i < count; i++) builder.addNode({ id: `p${i}`, schema: 'Person', flagged: i === 7 });
    const graph = builder.build();
    expect(graph.nodeCount).toBe(count);
    expect(graph.idIndex.length).toBe(indexCapacity(count));
    expect(needsGrowth(graph.idIndex, count)).toBe(false);
    for (let i = 0; i < count; i += 97) expect(nodeIdAt(graph, findNode(graph, `p${i}`))).toBe(`p${i}`);
    expect(findNode(graph, `p${count}`)).toBe(-1);
  });
});

describe('string table', () => {
  it('reads back ASCII, non-ASCII, empty and long strings', () => {
    const values = ['p1', '', 'Café Zoë', 'x'.repeat(32), 'y'.repeat(33) + 'ß', 'NL-KVK-12345678', '日本'];
    const builder = new StringTableBuilder();
    for (const value of values) builder.append(value);
    const table = builder.build();
    expect(values.map((_, i) => readString(table, i))).toEqual(values);
  });
});
