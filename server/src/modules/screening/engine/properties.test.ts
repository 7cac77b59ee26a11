import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from './candidate-index.js';
import { queryIndex } from './candidate-query.js';
import { compareRecords, prepareEntity, scoreMatch } from './features.js';
import { loadIndex, serialiseIndex } from './index-snapshot.js';
import { GIVEN_NAMES, SURNAMES, generatePeople } from './synthetic-people.js';
import type { EntityRecord, EntitySchema, QueryExample } from './types.js';

const namePart = fc.constantFrom(
  ...GIVEN_NAMES,
  ...SURNAMES,
  'van',
  'de',
  'J.',
  'v.d.',
  'B.V.',
  'Holding',
  '-',
  ',',
  'IJ',
  "'t",
);
const nameArb = fc.oneof(
  fc.array(namePart, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 30, unit: 'binary' }),
);
const dateArb = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('1979', '3-4-1979', '00-00-1950', '1965-13-18', 'garbage'),
);
const addressArb = fc.constantFrom('Damstraat 12, 1012 AB Amsterdam', '1012AB 12', 'Utrecht', 'Kerkweg 3', '');
const schemaArb = fc.constantFrom<EntitySchema>('Person', 'Company', 'Organization', 'LegalEntity');
const exampleArb: fc.Arbitrary<QueryExample> = fc.record({
  schema: schemaArb,
  names: fc.array(nameArb, { minLength: 1, maxLength: 2 }),
  birthDates: fc.array(dateArb, { maxLength: 2 }),
  addresses: fc.array(addressArb, { maxLength: 2 }),
  identifiers: fc.array(fc.constantFrom('KvK 12345678', '87654321', 'BSN 123456782', 'paspoort NW1234567'), {
    maxLength: 2,
  }),
  countries: fc.array(fc.constantFrom('NL', 'Marokko', 'be'), { maxLength: 1 }),
});

describe('scoring properties', () => {
  it('keeps every score and item value in [0,1]', () => {
    fc.assert(
      fc.property(exampleArb, exampleArb, (a, b) => {
        const result = compareRecords(a, b);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const item of result.items) expect(item.value >= 0 && item.value <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  // Records that state the same kinds of facts score the same whichever is the query.
  it('is symmetric between records that state the same kinds of facts', () => {
    const states = (e: QueryExample) => {
      const p = prepareEntity(e);
      return `${p.birthDates.length > 0}/${p.addresses.length > 0}`;
    };
    fc.assert(
      fc.property(exampleArb, exampleArb, (a, b) => {
        fc.pre(states(a) === states(b));
        expect(compareRecords(a, b).score).toBeCloseTo(compareRecords(b, a).score, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what the query does not state: a name-only query is scored on the name', () => {
    fc.assert(
      fc.property(exampleArb, exampleArb, (a, b) => {
        const nameOnly: QueryExample = { schema: a.schema, names: a.names };
        const bare: QueryExample = { ...b, birthDates: [], addresses: [] };
        expect(compareRecords(nameOnly, b).score).toBeCloseTo(compareRecords(nameOnly, bare).score, 9);
      }),
      { numRuns: 300 },
    );
    const exact = compareRecords(
      { schema: 'Person', names: ['Johannes van den Berg'] },
      { schema: 'Person', names: ['Johannes van den Berg'], birthDates: ['1979-04-03'], addresses: ['Kerkstraat 12'] },
    );
    expect(exact.score).toBeGreaterThan(0.95);
  });

  // Only for records with a name word: a nameless record has nothing but weak evidence (a
  // city) that an unknown-value prior can outweigh, and initials alone are capped on purpose.
  it('scores a named record against itself at least as high as against anything else', () => {
    const hasNameWord = (example: QueryExample): boolean =>
      prepareEntity(example).names.some((name) => name.tokens.some((token) => token.flag !== 'i'));
    const namedArb = exampleArb.filter(hasNameWord);
    fc.assert(
      fc.property(namedArb, exampleArb, (a, b) => {
        const self = compareRecords(a, a).score;
        expect(self + 1e-9).toBeGreaterThanOrEqual(compareRecords(a, b).score);
      }),
      { numRuns: 200 },
    );
  });
});

describe('index properties', () => {
  const people: EntityRecord[] = generatePeople(3000, 11);
  const index = buildIndex(people);
  const loaded = loadIndex(serialiseIndex(index));

  it('returns every entity as top-1 for its own record (ties with true duplicates allowed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: people.length - 1 }), (position) => {
        const person = people[position] as EntityRecord;
        const results = queryIndex(index, person, { limit: 10 });
        const selfScore = scoreMatch(prepareEntity(person), prepareEntity(person), false).score;
        expect(results[0]?.score).toBeCloseTo(selfScore, 9);
        expect(results.filter((r) => r.score === results[0]?.score).map((r) => r.id)).toContain(person.id);
      }),
      { numRuns: 200 },
    );
  });

  it('gives identical results after a snapshot round trip', () => {
    fc.assert(
      fc.property(exampleArb, (example) => {
        expect(queryIndex(loaded, example)).toEqual(queryIndex(index, example));
      }),
      { numRuns: 150 },
    );
  });
});
