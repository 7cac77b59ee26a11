import { describe, expect, it } from 'vitest';
import { combineItems, compareRecords, prepareEntity } from './features.js';
import type { EntityRecord } from './types.js';

const janDeVries: EntityRecord = {
  id: 'p1',
  schema: 'Person',
  names: ['Jan de Vries'],
  birthDates: ['1979-04-03'],
  addresses: ['Damstraat 12, 1012 AB Amsterdam'],
  countries: ['NL'],
};

describe('compareRecords', () => {
  it('scores a full agreement near 1 and explains every feature', () => {
    const result = compareRecords(
      {
        schema: 'Person',
        names: ['Vries, Jan de'],
        birthDates: ['3-4-1979'],
        addresses: ['1012AB 12'],
        countries: ['Nederland'],
      },
      janDeVries,
    );
    expect(result.score).toBeGreaterThan(0.99);
    expect(result.items.map((item) => item.feature)).toEqual(['name', 'birthDate', 'address', 'country']);
    for (const item of result.items) {
      expect(item.explanation.length).toBeGreaterThan(5);
      expect(item.label.length).toBeGreaterThan(2);
    }
    expect(result.matchedName).toBe('Jan de Vries');
  });

  it('ranks exact date > swapped day/month > different date', () => {
    const score = (birthDate: string): number =>
      compareRecords({ names: ['Jan de Vries'], birthDates: [birthDate] }, janDeVries).score;
    expect(score('1979-04-03')).toBeGreaterThan(score('1979-03-04'));
    expect(score('1979-03-04')).toBeGreaterThan(score('1979'));
    expect(score('1979')).toBeGreaterThan(score('1990-10-10'));
  });

  it('penalises a contradicting birth date below a missing one', () => {
    const missing = compareRecords({ names: ['Jan de Vries'] }, janDeVries);
    const contradicting = compareRecords({ names: ['Jan de Vries'], birthDates: ['1990-10-10'] }, janDeVries);
    expect(contradicting.score).toBeLessThan(missing.score * 0.75);
    expect(contradicting.items.some((item) => item.kind === 'penalty' && item.feature === 'birthDate')).toBe(true);
  });

  it('matches companies on name without legal form and on KvK number', () => {
    const company: EntityRecord = {
      id: 'c1',
      schema: 'Company',
      names: ['Bakkerij de Vries'],
      identifiers: ['KvK 12345678'],
    };
    const byName = compareRecords({ schema: 'Company', names: ['Bakkerij De Vries B.V.'] }, company);
    expect(byName.score).toBe(1);
    const byKvk = compareRecords(
      { schema: 'Company', names: ['Bakkerij De Vries B.V.'], identifiers: ['12345678'] },
      company,
    );
    expect(byKvk.items.find((item) => item.feature === 'identifier')?.explanation).toContain('KVK');
    const otherKvk = compareRecords(
      { schema: 'Company', names: ['Bakkerij De Vries B.V.'], identifiers: ['87654321'] },
      company,
    );
    expect(otherKvk.score).toBeLessThan(0.6);
  });

  it('never uses a BSN', () => {
    const withBsn = prepareEntity({ names: ['Jan de Vries'], identifiers: ['BSN 123456782', '123456782'] });
    expect(withBsn.identifiers).toEqual([]);
    const result = compareRecords(
      { names: ['Jan de Vries'], identifiers: ['BSN 123456782'] },
      { ...janDeVries, identifiers: ['BSN 999999990'] },
    );
    expect(result.items.some((item) => item.feature === 'identifier')).toBe(false);
  });

  it('penalises comparing a person with a company', () => {
    const result = compareRecords({ schema: 'Company', names: ['Jan de Vries'] }, janDeVries);
    const asPerson = compareRecords({ schema: 'Person', names: ['Jan de Vries'] }, janDeVries);
    expect(result.score).toBeCloseTo(asPerson.score * 0.5, 5);
    expect(result.items.find((item) => item.feature === 'schema')?.kind).toBe('penalty');
  });

  it('treats a LegalEntity with a legal form as a company', () => {
    expect(prepareEntity({ schema: 'LegalEntity', names: ['De Vries Holding B.V.'] }).kind).toBe('company');
    expect(prepareEntity({ schema: 'LegalEntity', names: ['J. de Vries'] }).kind).toBe('person');
  });

  it('ranks partial agreement above missing data', () => {
    const yearOnly = compareRecords({ names: ['Jan de Vries'], birthDates: ['1979'] }, janDeVries).score;
    const withoutDate = compareRecords(
      { names: ['Jan de Vries'], birthDates: ['1979'] },
      { ...janDeVries, birthDates: [] },
    ).score;
    expect(yearOnly).toBeGreaterThan(withoutDate);
  });

  it('returns 0 when nothing can be compared', () => {
    expect(combineItems([])).toBe(0);
  });
});
