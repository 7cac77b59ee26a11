import { describe, expect, it } from 'vitest';
import { compareBirthDateLists, compareBirthDates, formatPartialDate, parseBirthDate } from './dates.js';
import type { PartialDate } from './dates.js';

function date(text: string): PartialDate {
  const parsed = parseBirthDate(text);
  if (parsed === null) throw new Error(`unparsable ${text}`);
  return parsed;
}

describe('parseBirthDate', () => {
  it('reads Dutch day-month-year and ISO forms as the same date: 3-4-1979 = 1979-04-03', () => {
    for (const form of [
      '3-4-1979',
      '03-04-1979',
      '3/4/1979',
      '03.04.1979',
      '1979-04-03',
      '19790403',
      '03041979',
      '3 april 1979',
      '3 apr. 1979',
      '1979-04-03T00:00:00Z',
    ]) {
      expect(formatPartialDate(date(form)), form).toBe('1979-04-03');
    }
  });

  it('reads partial dates, including the registry convention 00-00-yyyy', () => {
    expect(formatPartialDate(date('1979'))).toBe('1979');
    expect(formatPartialDate(date('april 1979'))).toBe('1979-04');
    expect(formatPartialDate(date('00-00-1979'))).toBe('1979');
    expect(formatPartialDate(date('00-04-1979'))).toBe('1979-04');
  });

  it('keeps one-slip impossible dates but rejects garbage', () => {
    expect(formatPartialDate(date('1965-13-18'))).toBe('1965-13-18');
    expect(parseBirthDate('not a date')).toBeNull();
    expect(parseBirthDate('1979-45-45')).toBeNull();
    expect(parseBirthDate('12-12-1200')).toBeNull();
  });
});

describe('compareBirthDates', () => {
  it('scores exact, swapped, typo, partial and mismatching dates in that order', () => {
    const base = date('3-4-1979');
    const exact = compareBirthDates(base, date('1979-04-03'));
    const swapped = compareBirthDates(base, date('1979-03-04'));
    const typo = compareBirthDates(base, date('1978-04-03'));
    const transposed = compareBirthDates(base, date('1997-04-03'));
    const yearOnly = compareBirthDates(base, date('1979'));
    const other = compareBirthDates(base, date('1985-11-20'));
    expect(exact).toMatchObject({ similarity: 1, reason: 'exact', isConflict: false });
    expect(swapped).toMatchObject({ reason: 'day-month-swap', isConflict: false });
    expect(typo).toMatchObject({ reason: 'one-digit-typo', isConflict: false });
    expect(transposed).toMatchObject({ reason: 'digit-transposition', isConflict: false });
    expect(yearOnly).toMatchObject({ reason: 'year-only', isConflict: false });
    expect(other).toMatchObject({ similarity: 0, reason: 'mismatch', isConflict: true });
    expect(exact.similarity).toBeGreaterThan(swapped.similarity);
    expect(swapped.similarity).toBeGreaterThan(typo.similarity);
    expect(typo.similarity).toBeGreaterThan(yearOnly.similarity);
    expect(yearOnly.similarity).toBeGreaterThan(other.similarity);
  });

  it('flags a different year against a year-only date as a conflict', () => {
    expect(compareBirthDates(date('1979'), date('1985-01-01')).isConflict).toBe(true);
  });

  it('calls a conflict clear only when the birth years lie more than one apart', () => {
    const base = date('1979-04-03');
    expect(compareBirthDates(base, date('1985-11-20'))).toMatchObject({ isConflict: true, isClearConflict: true });
    expect(compareBirthDates(base, date('1981-04-03'))).toMatchObject({ isConflict: true, isClearConflict: true });
    expect(compareBirthDates(base, date('1980-11-20'))).toMatchObject({ isConflict: true, isClearConflict: false });
    expect(compareBirthDates(base, date('1979-11-20'))).toMatchObject({ isConflict: true, isClearConflict: false });
    expect(compareBirthDates(date('1979'), date('1980'))).toMatchObject({ isConflict: true, isClearConflict: false });
    expect(compareBirthDates(base, date('1979-03-04'))).toMatchObject({ isConflict: false, isClearConflict: false });
  });

  it('prefers the least contradicting pair when several dates all disagree', () => {
    const best = compareBirthDateLists([date('1979-04-03')], [date('1960-01-01'), date('1980-11-20')]);
    expect(best).toMatchObject({ similarity: 0, isClearConflict: false });
    expect(best?.right.year).toBe(1980);
  });
});
