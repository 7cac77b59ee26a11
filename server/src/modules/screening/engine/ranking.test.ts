import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex } from './candidate-index.js';
import { DEFAULT_MATCH_THRESHOLD, queryIndex } from './candidate-query.js';
import { NAME_BAND, nameBandItem, nameLiftShare, WEIGHTS } from './feature-items.js';
import { combineItems, compareRecords } from './features.js';
import { GIVEN_NAMES, SURNAMES } from './synthetic-people.js';
import type { EntityRecord, QueryExample } from './types.js';

// The applicant a Bibob-coördinator screens: Jan de Vries, born 3 April 1979.
const applicant: QueryExample = { schema: 'Person', names: ['Jan de Vries'], birthDates: ['1979-04-03'] };

function person(id: string, name: string, birthDate?: string, extra: Partial<EntityRecord> = {}): EntityRecord {
  return {
    id,
    schema: 'Person',
    names: [name],
    ...(birthDate === undefined ? {} : { birthDates: [birthDate] }),
    ...extra,
  };
}

const scoreOf = (candidate: EntityRecord, query: QueryExample = applicant): number =>
  compareRecords(query, candidate).score;

const nameValue = (candidate: EntityRecord): number =>
  compareRecords(applicant, candidate).items.find((item) => item.feature === 'name' && item.kind === 'evidence')
    ?.value ?? 0;

/** The same name, from agreeing to clearly conflicting birth dates, in the order an expert reads them. */
const sameNameByDate = [
  person('exact', 'Jan de Vries', '1979-04-03'),
  person('swapped', 'Jan de Vries', '1979-03-04'),
  person('year-only', 'Jan de Vries', '1979'),
  person('no-date', 'Jan de Vries'),
  person('same-month', 'Jan de Vries', '1979-04-20'),
  person('same-year', 'Jan de Vries', '1979-11-20'),
  person('next-year', 'Jan de Vries', '1980-11-20'),
  person('other-year', 'Jan de Vries', '1985-11-20'),
];

/** Near-identical names (≥ 0.9) whose birth year is years off: namesakes, not the applicant. */
const clearConflicts = [
  person('namesake', 'Jan de Vries', '1985-11-20'),
  person('namesake-initial', 'J. de Vries', '1985-11-20'),
  person('namesake-middle-name', 'Jan Hendrik de Vries', '1962-07-15'),
  person('namesake-year-only', 'Jan de Vries', '1990'),
];

/** Another given name or surname: no date agreement may carry these past a near-identical name. */
const weakNames = [
  person('other-given-name', 'Piet de Vries', '1979-04-03'),
  person('other-surname', 'Jan Jansen', '1979-04-03'),
  person('other-given-year', 'Kees de Vries', '1979'),
  person('other-given-everything', 'Piet de Vries', '1979-04-03', {
    addresses: ['Damstraat 12, 1012 AB Amsterdam'],
    countries: ['NL'],
  }),
];

describe('ranking a near-identical name against its birth date', () => {
  it('orders exact > swapped > year only > no date > conflict within a year > conflict years apart', () => {
    const scores = sameNameByDate.map((candidate) => scoreOf(candidate));
    for (let i = 1; i < scores.length; i += 1) expect(scores[i], sameNameByDate[i]?.id).toBeLessThan(scores[i - 1]!);
  });

  it('counts agreeing or missing dates as a match and every conflicting full date as none', () => {
    const matches = sameNameByDate.filter((candidate) => scoreOf(candidate) >= DEFAULT_MATCH_THRESHOLD);
    expect(matches.map((candidate) => candidate.id)).toEqual(['exact', 'swapped', 'year-only', 'no-date']);
  });

  it('keeps a clear conflict below the threshold even when address and country agree', () => {
    const withEverythingElse = person('namesake-same-address', 'Jan de Vries', '1985-11-20', {
      addresses: ['Damstraat 12, 1012 AB Amsterdam'],
      countries: ['NL'],
    });
    const query = { ...applicant, addresses: ['1012AB 12'], countries: ['Nederland'] };
    expect(scoreOf(withEverythingElse, query)).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
    expect(scoreOf(withEverythingElse, query)).toBeGreaterThan(0.6);
  });

  it('explains a clear conflict and a conflict within a year with different penalties', () => {
    const penalty = (candidate: EntityRecord) =>
      compareRecords(applicant, candidate).items.find(
        (item) => item.feature === 'birthDate' && item.kind === 'penalty',
      );
    expect(penalty(person('a', 'Jan de Vries', '1985-11-20'))).toMatchObject({ label: 'Geboortedatum wijkt af' });
    expect(penalty(person('b', 'Jan de Vries', '1980-11-20'))).toMatchObject({ label: 'Geboortedatum wijkt deels af' });
    expect(penalty(person('c', 'Jan de Vries', '1980-11-20'))?.explanation).toContain(
      'in the same or the adjacent year',
    );
    expect(penalty(person('d', 'Jan de Vries', '1979-03-04'))).toBeUndefined();
  });
});

describe('the name band', () => {
  it('keeps every weak name below every near-identical name with a clear date conflict', () => {
    for (const conflict of clearConflicts) expect(nameValue(conflict), conflict.id).toBeGreaterThanOrEqual(0.9);
    const lowestConflict = Math.min(...clearConflicts.map((candidate) => scoreOf(candidate)));
    for (const weak of weakNames) {
      const query = weak.addresses ? { ...applicant, addresses: ['1012AB 12'], countries: ['NL'] } : applicant;
      expect(scoreOf(weak, query), weak.id).toBeLessThan(lowestConflict);
    }
  });

  it('still lets the birth date order candidates within the weak band', () => {
    const scores = [
      person('w1', 'Piet de Vries', '1979-04-03'),
      person('w2', 'Piet de Vries', '1979'),
      person('w3', 'Piet de Vries'),
      person('w4', 'Piet de Vries', '1985-11-20'),
    ].map((candidate) => scoreOf(candidate));
    for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeLessThan(scores[i - 1]!);
  });

  it('fully confirms a plausible name that is not near-identical: dropped middle names, an extra initial', () => {
    const namesake = scoreOf(person('namesake', 'Jan de Vries', '1985-11-20'));
    for (const name of ['Jan Joost Johannes de Vries', 'J.H. de Vries']) {
      const candidate = person('plausible', name, '1979-04-03');
      const result = compareRecords(applicant, candidate);
      expect(nameValue(candidate), name).toBeLessThan(0.9);
      expect(nameValue(candidate), name).toBeGreaterThanOrEqual(NAME_BAND.plausible);
      expect(
        result.items.some((item) => item.label === 'Naam begrenst score'),
        name,
      ).toBe(false);
      expect(result.score, name).toBeGreaterThanOrEqual(DEFAULT_MATCH_THRESHOLD);
      expect(result.score, name).toBeGreaterThan(namesake);
    }
  });

  it('raises the share of the lift a name keeps steadily from weak to plausible', () => {
    expect(nameLiftShare(0.5)).toBe(NAME_BAND.weakLiftShare);
    expect(nameLiftShare(NAME_BAND.weak)).toBe(NAME_BAND.weakLiftShare);
    expect(nameLiftShare(0.75)).toBeCloseTo(0.55, 10);
    expect(nameLiftShare(NAME_BAND.plausible)).toBe(1);
    // Through the band item the scorer multiplies in: a better name never scores lower.
    for (const date of [1, 0.6]) {
      const scores = [0.6, 0.65, 0.7, 0.72, 0.75, 0.78, 0.8, 0.85].map((name) => {
        const uncapped = (WEIGHTS.name * name + WEIGHTS.birthDate * date) / (WEIGHTS.name + WEIGHTS.birthDate);
        return uncapped * (nameBandItem(name, uncapped, false)?.value ?? 1);
      });
      for (let i = 1; i < scores.length; i += 1) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
    }
  });

  it('shows the band as a name penalty whose factor gives exactly the score', () => {
    const result = compareRecords(applicant, person('other-given-name', 'Piet de Vries', '1979-04-03'));
    const band = result.items.find((item) => item.feature === 'name' && item.kind === 'penalty');
    expect(band).toMatchObject({ label: 'Naam begrenst score', weight: 0 });
    expect(band?.value).toBeLessThan(1);
    expect(band?.explanation).toContain('plausible from 0.8');
    expect(result.score).toBe(combineItems(result.items));
    // Name 0.5 and an exact date would average (0.6 × 0.5 + 0.25 × 1) / 0.85; a tenth of the lift stays.
    expect(result.score).toBeCloseTo(0.5 + NAME_BAND.weakLiftShare * ((0.6 * 0.5 + 0.25) / 0.85 - 0.5), 6);
  });

  it('adds no band to a near-identical name, nor when a shared identifier speaks for itself', () => {
    const hasBand = (query: QueryExample, candidate: EntityRecord) =>
      compareRecords(query, candidate).items.some((item) => item.label === 'Naam begrenst score');
    expect(hasBand(applicant, person('near', 'Johan Devries', '1979-04-03'))).toBe(false);
    const bakery: EntityRecord = {
      id: 'c1',
      schema: 'Company',
      names: ['Bakkerij Brood'],
      identifiers: ['KvK 12345678'],
    };
    expect(hasBand({ schema: 'Company', names: ['Bakkerij de Vries'], identifiers: ['12345678'] }, bakery)).toBe(false);
    expect(
      hasBand({ schema: 'Company', names: ['Bakkerij de Vries'], countries: ['NL'] }, { ...bakery, countries: ['NL'] }),
    ).toBe(true);
  });

  it('keeps a company named after the applicant below the threshold', () => {
    const company: EntityRecord = { id: 'bv', schema: 'Company', names: ['Jan de Vries B.V.'] };
    expect(scoreOf(company)).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
  });
});

describe('ranking through the index', () => {
  it('returns the candidates in the expert order, weak names last', () => {
    const records = [...weakNames, ...clearConflicts, ...sameNameByDate].map((candidate, i) => ({
      ...candidate,
      id: `${String(i).padStart(2, '0')}-${candidate.id}`,
    }));
    const index = buildIndex(records);
    const ranked = queryIndex(index, applicant, { limit: records.length }).map((result) => result.id.slice(3));
    expect(ranked.slice(0, 4)).toEqual(['exact', 'swapped', 'year-only', 'no-date']);
    const firstWeak = Math.min(...weakNames.map((weak) => ranked.indexOf(weak.id)));
    for (const conflict of clearConflicts) expect(ranked.indexOf(conflict.id), conflict.id).toBeLessThan(firstWeak);
  });
});

describe('name band properties', () => {
  const nameArb = fc
    .tuple(
      fc.constantFrom(...GIVEN_NAMES, 'J.', 'J.H.'),
      fc.constantFrom('', 'de', 'van', 'van der'),
      fc.constantFrom(...SURNAMES),
    )
    .map((parts) => parts.filter((part) => part !== '').join(' '));
  const dateArb = fc.constantFrom('1979-04-03', '1979-03-04', '1979', '1979-11-20', '1980-04-03', '1985-11-20', '1950');
  const recordArb = fc.record({
    name: nameArb,
    birthDates: fc.array(dateArb, { maxLength: 1 }),
    addresses: fc.array(fc.constantFrom('Damstraat 12, 1012 AB Amsterdam', '1012AB 12', 'Kerkweg 3, Utrecht'), {
      maxLength: 1,
    }),
    countries: fc.array(fc.constantFrom('NL', 'BE'), { maxLength: 1 }),
  });

  it('never lets birth date, address or country lift a weaker name by more than its share', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const result = compareRecords(
          { schema: 'Person', ...a, names: [a.name] },
          { id: 'x', schema: 'Person', ...b, names: [b.name] },
        );
        const name = result.items[0]?.value ?? 0;
        if (name < NAME_BAND.plausible)
          expect(result.score).toBeLessThanOrEqual(name + nameLiftShare(name) * (1 - name) + 1e-9);
        const clear = compareRecords(
          { schema: 'Person', ...a, names: [a.name], birthDates: ['1979-04-03'] },
          { id: 'y', schema: 'Person', ...b, names: [b.name], birthDates: ['1985-11-20'] },
        );
        expect(clear.score).toBeLessThan(DEFAULT_MATCH_THRESHOLD);
      }),
      { numRuns: 400 },
    );
  });
});
