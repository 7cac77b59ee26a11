import { describe, expect, it } from 'vitest';
import { addEntities, buildIndex, compactIndex, findRecord, liveCount, removeEntity } from './candidate-index.js';
import { queryIndex } from './candidate-query.js';
import { loadIndex, serialiseIndex } from './index-snapshot.js';
import { generatePeople } from './synthetic-people.js';
import type { EntityRecord } from './types.js';

const people: EntityRecord[] = [
  {
    id: 'a',
    schema: 'Person',
    names: ['Johannes van den Berg'],
    birthDates: ['1979-04-03'],
    addresses: ['Damstraat 12, 1012 AB Amsterdam'],
  },
  { id: 'b', schema: 'Person', names: ['Maria Jansen-de Vries'], birthDates: ['1981-12-24'] },
  { id: 'c', schema: 'Person', names: ['Mohammed el-Amrani'], birthDates: ['1990-01-15'] },
  { id: 'd', schema: 'Company', names: ['Bakkerij de Vries B.V.'], identifiers: ['KvK 12345678'] },
  { id: 'e', schema: 'Person', names: ['Jan de Vries'], birthDates: ['1979-03-04'] },
  ...generatePeople(2000, 7),
];

describe('candidate index', () => {
  const index = buildIndex(people);

  it('finds Dutch variants as top-1', () => {
    expect(queryIndex(index, { names: ['J. v.d. Berg'], birthDates: ['3-4-1979'] })[0]?.id).toBe('a');
    expect(queryIndex(index, { names: ['Vandenberg, Johannes'] })[0]?.id).toBe('a');
    expect(queryIndex(index, { names: ['Maria de Vries'], birthDates: ['24-12-1981'] })[0]?.id).toBe('b');
    expect(queryIndex(index, { names: ['Mohamed El Amrani'] })[0]?.id).toBe('c');
    expect(queryIndex(index, { schema: 'Company', names: ['Bakkerij De Vries'] })[0]?.id).toBe('d');
    expect(queryIndex(index, { names: [], identifiers: ['12345678'] })[0]?.id).toBe('d');
    expect(queryIndex(index, { names: ['Jan de Vries'], birthDates: ['1979-04-03'] })[0]?.id).toBe('e');
  });

  it('returns explained, ranked results within limit and threshold', () => {
    const results = queryIndex(index, { names: ['Jan de Vries'] }, { limit: 3, threshold: 0.2 });
    expect(results.length).toBeLessThanOrEqual(3);
    expect(results.every((result) => result.score >= 0.2 && result.items.length > 0)).toBe(true);
    const scores = results.map((result) => result.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('adds, replaces and removes entities', () => {
    const local = buildIndex(people.slice(0, 5));
    addEntities(local, [{ id: 'f', schema: 'Person', names: ['Kees Öztürk'], birthDates: ['2001-02-03'] }]);
    expect(queryIndex(local, { names: ['Kees Ozturk'] })[0]?.id).toBe('f');
    addEntities(local, [{ id: 'f', schema: 'Person', names: ['Kees Yilmaz'] }]);
    expect(liveCount(local)).toBe(6);
    expect(queryIndex(local, { names: ['Kees Ozturk'] }).some((r) => r.id === 'f' && r.name === 'Kees Öztürk')).toBe(
      false,
    );
    expect(queryIndex(local, { names: ['Kees Yilmaz'] })[0]?.id).toBe('f');
    expect(removeEntity(local, 'a')).toBe(true);
    expect(removeEntity(local, 'a')).toBe(false);
    expect(queryIndex(local, { names: ['Johannes van den Berg'] }).some((r) => r.id === 'a')).toBe(false);
    compactIndex(local);
    expect(liveCount(local)).toBe(5);
    expect(local.deltaRecords).toEqual([]);
    expect(findRecord(local, 'f')).toBeGreaterThanOrEqual(0);
    expect(queryIndex(local, { names: ['Kees Yilmaz'] })[0]?.id).toBe('f');
  });

  it('keeps the last record when an id repeats in the input', () => {
    const local = buildIndex([
      { id: 'x', schema: 'Person', names: ['Piet Bakker'] },
      { id: 'x', schema: 'Person', names: ['Piet Visser'] },
    ]);
    expect(liveCount(local)).toBe(1);
    expect(queryIndex(local, { names: ['Piet Bakker'] }).map((r) => r.name)).toEqual(['Piet Visser']);
  });
});

describe('snapshot', () => {
  it('round-trips base, delta and tombstones with identical query results', () => {
    const index = buildIndex(people);
    addEntities(index, [{ id: 'z', schema: 'Person', names: ['Zeynep Kaya'], birthDates: ['1999-09-09'] }]);
    removeEntity(index, 'b');
    const loaded = loadIndex(serialiseIndex(index));
    for (const query of [
      { names: ['Zeynep Kaya'] },
      { names: ['Maria de Vries'] },
      { names: ['J. v.d. Berg'], birthDates: ['1979'] },
    ]) {
      expect(queryIndex(loaded, query)).toEqual(queryIndex(index, query));
    }
    expect(liveCount(loaded)).toBe(liveCount(index));
    expect(removeEntity(loaded, 'z')).toBe(true);
  });

  it('loads from an unaligned buffer and rejects corrupt ones', () => {
    const bytes = serialiseIndex(buildIndex(people.slice(0, 50)));
    const unaligned = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(unaligned);
    expect(liveCount(loadIndex(unaligned))).toBe(50);
    const corrupt = Buffer.from(bytes);
    corrupt[corrupt.length >> 1] = (corrupt[corrupt.length >> 1] ?? 0) ^ 0xff;
    expect(() => loadIndex(corrupt)).toThrow(/corrupt/);
    expect(() => loadIndex(Buffer.from('nonsense'))).toThrow();
  });
});
