import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, recordEntity, recordId } from './candidate-index.js';
import { prepareEntity, scoreAtLeast, scoreMatch } from './features.js';
import { loadIndex, serialiseIndex } from './index-snapshot.js';
import { jaroWinkler, jaroWinklerAtLeast } from './jaro-winkler.js';
import { generatePeople } from './synthetic-people.js';
import { TokenSimilarityCache } from './token-similarity.js';
import type { EntityRecord, EntitySchema, QueryExample } from './types.js';

const word = fc.constantFrom(
  'Jan',
  'Johannes',
  'van',
  'den',
  'Berg',
  'Vandenberg',
  'J.',
  'Mohammed',
  'Muhammad',
  'el-Amrani',
  'Jansen-de',
  'Vries',
  'Bakkerij',
  'B.V.',
  'Dijk',
  'Dik',
  "d'Ancona",
);
const exampleArb: fc.Arbitrary<QueryExample> = fc.record({
  schema: fc.constantFrom<EntitySchema>('Person', 'Company', 'LegalEntity'),
  names: fc.array(
    fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    { minLength: 1, maxLength: 2 },
  ),
  birthDates: fc.array(fc.constantFrom('1979-04-03', '3-4-1979', '1979', '1979-03-04', '1979-04-13', '00-07-1955'), {
    maxLength: 2,
  }),
  addresses: fc.array(fc.constantFrom('Damstraat 12, 1012 AB Amsterdam', '1012AB 12a', 'Utrecht', 'Kerkweg 3'), {
    maxLength: 2,
  }),
  identifiers: fc.array(fc.constantFrom('KvK 12345678', '87654321', 'paspoort NW1234567'), { maxLength: 2 }),
  countries: fc.array(fc.constantFrom('NL', 'Marokko', 'be'), { maxLength: 2 }),
});

describe('bounded scoring', () => {
  it('gives exactly the full score, or -1 only when the full score is below the bar', () => {
    fc.assert(
      fc.property(exampleArb, exampleArb, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, bar) => {
        const [query, candidate] = [prepareEntity(a), prepareEntity(b)];
        const full = scoreMatch(query, candidate, false).score;
        const cache = new TokenSimilarityCache();
        expect(scoreAtLeast(query, candidate, Number.NEGATIVE_INFINITY, cache)).toBe(full);
        const bounded = scoreAtLeast(query, candidate, bar, cache);
        if (bounded === -1) expect(full).toBeLessThan(bar);
        else expect(bounded).toBe(full);
        expect(scoreMatch(query, candidate, true, cache)).toEqual(scoreMatch(query, candidate, true));
      }),
      { numRuns: 400 },
    );
  });
});

describe('jaroWinklerAtLeast', () => {
  it('is exact at or above the floor and below it otherwise', () => {
    const text = fc.string({ unit: fc.constantFrom(...'aeijknorstvy0'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, fc.constantFrom(0.8, 0.9, 0.92), (x, y, floor) => {
        const exact = jaroWinkler(x, y);
        const bounded = jaroWinklerAtLeast(x, y, floor);
        if (exact >= floor) expect(bounded).toBe(exact);
        else expect(bounded).toBeLessThan(floor);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pre-decoded records', () => {
  it('decode to the prepared entity, before and after a snapshot', () => {
    const records: EntityRecord[] = fc
      .sample(exampleArb, { numRuns: 300, seed: 5 })
      .map((example, i) => ({ ...example, id: `r${i}`, schema: example.schema ?? 'LegalEntity' }));
    const index = buildIndex([...records, ...generatePeople(200, 3)]);
    const loaded = loadIndex(serialiseIndex(index));
    records.forEach((record, i) => {
      expect(recordId(index, i)).toBe(record.id);
      expect(recordEntity(index, i, true)).toEqual(prepareEntity(record));
      expect(recordEntity(loaded, i, true)).toEqual(prepareEntity(record));
      expect(recordEntity(index, i, false)).toEqual({ ...prepareEntity(record), displayNames: [] });
    });
  });
});

describe('snapshot format', () => {
  it('rejects a snapshot of the previous format version', () => {
    const bytes = serialiseIndex(buildIndex(generatePeople(20, 1)));
    const old = Buffer.from(bytes);
    old.writeUInt32LE(1, 4);
    const body = old.subarray(0, old.length - 32);
    createHash('sha256')
      .update(body)
      .digest()
      .copy(old, old.length - 32);
    expect(() => loadIndex(old)).toThrow(/Unsupported index snapshot version 1/);
    expect(() => loadIndex(bytes)).not.toThrow();
  });
});
