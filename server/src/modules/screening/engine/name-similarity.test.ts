import { describe, expect, it } from 'vitest';
import { jaroWinkler } from './jaro-winkler.js';
import { compareNames } from './name-similarity.js';
import { parseCompanyName, parsePersonName } from './normalise.js';

function person(a: string, b: string): number {
  return compareNames(parsePersonName(a), parsePersonName(b)).similarity;
}

describe('jaroWinkler', () => {
  it('matches the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('compareNames', () => {
  it('matches initials and abbreviated tussenvoegsels: "J. v.d. Berg" vs "Johannes van den Berg"', () => {
    const result = compareNames(parsePersonName('J. v.d. Berg'), parsePersonName('Johannes van den Berg'), true);
    expect(result.similarity).toBeGreaterThan(0.9);
    expect(result.pairs.map((pair) => pair.reason).sort()).toEqual(['exact', 'initial']);
  });

  it('treats surname-first forms as the same name: "Vries, Jan de" vs "Jan de Vries"', () => {
    expect(person('Vries, Jan de', 'Jan de Vries')).toBe(1);
    expect(person('de Vries, J.', 'Jan de Vries')).toBeGreaterThan(0.9);
  });

  it('accepts one half of a married double surname: "Jansen-de Vries" vs "Maria de Vries"', () => {
    const partial = person('Jansen-de Vries', 'Maria de Vries');
    expect(partial).toBeGreaterThan(0.6);
    expect(partial).toBeGreaterThan(person('Jansen-de Vries', 'Maria Bakker'));
    expect(person('Maria Jansen-de Vries', 'Maria de Vries')).toBeGreaterThan(0.9);
    expect(person('Maria Jansen-de Vries', 'Maria Jansen')).toBeGreaterThan(0.9);
  });

  it('matches Arabic spelling variants: "Mohamed El Amrani" vs "Mohammed el-Amrani"', () => {
    expect(person('Mohamed El Amrani', 'Mohammed el-Amrani')).toBe(1);
    expect(person('Muhammad Amrani', 'Mohammed el-Amrani')).toBeGreaterThan(0.9);
    expect(person('محمد الأمراني', 'Mohamed El Amrani')).toBeGreaterThan(0.85);
  });

  it('matches Dutch spelling variants', () => {
    expect(person('Jan Jansen', 'Jan Janssen')).toBe(1);
    expect(person('Philip Meijer', 'Filip Meyer')).toBe(1);
    expect(person('IJsbrand de Wit', 'Ysbrand de Wit')).toBe(1);
    expect(person('Pieter Bosch', 'Pieter Bos')).toBe(1);
    expect(person('Youssef Benali', 'Yusuf Benali')).toBeGreaterThan(0.95);
  });

  it('matches roepnaam and doopnaam', () => {
    expect(person('Jan de Vries', 'Johannes de Vries')).toBeGreaterThan(0.9);
    expect(person('Kees Bakker', 'Cornelis Bakker')).toBeGreaterThan(0.9);
  });

  it('tolerates swapped, dropped and merged tokens', () => {
    expect(person('Peter Jan Balkenende', 'Jan Peter Balkenende')).toBe(1);
    expect(person('Janpeter Balkenende', 'Jan Peter Balkenende')).toBeGreaterThan(0.95);
    expect(person('Vandenberg', 'van den Berg')).toBe(1);
    expect(person('Jan Pieter de Vries', 'Jan de Vries')).toBeGreaterThan(0.85);
  });

  it('tolerates typos', () => {
    expect(person('Jan Mudler', 'Jan Mulder')).toBeGreaterThan(0.95);
    expect(person('Khadija van Dik', 'Khadija van Dijk')).toBeGreaterThan(0.9);
  });

  it('keeps different persons apart', () => {
    expect(person('Jan de Vries', 'Piet Bakker')).toBe(0);
    expect(person('Jan de Vries', 'Piet de Vries')).toBeLessThanOrEqual(0.5);
    expect(person('Jan de Vries', 'Jan Bakker')).toBeLessThanOrEqual(0.5);
  });

  it('does not let initials alone make a match', () => {
    expect(person('J. Jansen', 'J. Bakker')).toBeLessThanOrEqual(0.35);
  });

  it('compares company names without legal forms: "Bakkerij De Vries B.V." vs "Bakkerij de Vries"', () => {
    expect(
      compareNames(parseCompanyName('Bakkerij De Vries B.V.'), parseCompanyName('Bakkerij de Vries')).similarity,
    ).toBe(1);
    expect(compareNames(parseCompanyName('Jansen Beheer B.V.'), parseCompanyName('Jansen Holding')).similarity).toBe(1);
    expect(
      compareNames(parseCompanyName('Bakkerij de Vries'), parseCompanyName('Slagerij de Vries')).similarity,
    ).toBeLessThan(0.75);
  });

  it('explains unmatched tokens', () => {
    const result = compareNames(parsePersonName('Maria Jansen-de Vries'), parsePersonName('Maria de Vries'), true);
    expect(result.unmatched).toEqual(['jansen']);
  });
});
