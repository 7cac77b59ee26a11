/**
 * Birth dates: parsing of the many ways Dutch sources write them, and agreement scoring
 * that tells an honest typo (one digit, day/month swapped) from a different person.
 */
import { foldText } from './text-keys.js';

/** A possibly partial date; month and day are 0 when unknown. */
export interface PartialDate {
  year: number;
  month: number;
  day: number;
}

export type DateMatchReason =
  | 'exact'
  | 'day-month-swap'
  | 'one-digit-typo'
  | 'digit-transposition'
  | 'year-month-only'
  | 'year-only'
  | 'same-month'
  | 'same-year'
  | 'mismatch';

export interface DateComparison {
  similarity: number;
  reason: DateMatchReason;
  /** Both dates are specific enough to say the persons differ. */
  isConflict: boolean;
  /**
   * A conflict no slip explains: the birth years lie more than one apart. Within a year a
   * registry or form may still be wrong (a date reconstructed from an age, a misread day), so
   * such a conflict weighs less.
   */
  isClearConflict: boolean;
  left: PartialDate;
  right: PartialDate;
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  maart: 3,
  march: 3,
  mrt: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  augustus: 8,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function makeDate(year: number, month = 0, day = 0): PartialDate | null {
  if (!Number.isInteger(year) || year < 1800 || year > 2100) return null;
  if (month < 0 || month > 12 || (month === 0 && day !== 0)) return null;
  if (day < 0 || (month > 0 && day > daysInMonth(year, month))) return null;
  return { year, month, day };
}

/**
 * Lenient full dates. Dutch registries write an unknown day or month as 00
 * ("00-00-1955", "00-07-1955"), which becomes a partial date. A date that cannot exist
 * (1965-13-18, 1984-12-33) is kept when it is one slip away from one that can: forms and
 * registries contain such typos, and they still identify the person.
 */
function makeLenientDate(year: number, month: number, day: number): PartialDate | null {
  const strict = makeDate(year, month, day);
  if (strict !== null) return strict;
  if (year < 1800 || year > 2100) return null;
  if (month === 0) return { year, month: 0, day: 0 };
  if (day === 0) return month <= 12 ? { year, month, day: 0 } : null;
  const isPlausibleSlip = month <= 39 && day <= 39 && (month <= 19 || day <= 12);
  return isPlausibleSlip ? { year, month, day } : null;
}

function parseNumeric(text: string): PartialDate | null {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t.*)?$/.exec(text);
  if (m) return makeLenientDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Dutch order: day-month-year.
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (m) return makeLenientDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? parseDayFirstCompact(text);
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text);
  if (m) return makeDate(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return makeDate(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(text);
  return m ? makeDate(Number(m[1])) : null;
}

function parseDayFirstCompact(text: string): PartialDate | null {
  return makeDate(Number(text.slice(4, 8)), Number(text.slice(2, 4)), Number(text.slice(0, 2)));
}

function parseWithMonthName(text: string): PartialDate | null {
  let m = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (m) return makeDate(Number(m[3]), MONTHS[m[2] ?? ''] ?? -1, Number(m[1]));
  m = /^([a-z]+)\.?\s+(\d{4})$/.exec(text);
  if (m) return makeDate(Number(m[2]), MONTHS[m[1] ?? ''] ?? -1);
  return null;
}

/** Parses "1979-04-03", "3-4-1979" (Dutch day-month order), "03.04.1979", "19790403", "3 april 1979", "1979". */
export function parseBirthDate(input: string): PartialDate | null {
  const text = foldText(input).trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return /[a-z]{3}/.test(text) ? parseWithMonthName(text) : parseNumeric(text);
}

/** ISO form of a partial date: "1979", "1979-04" or "1979-04-03". */
export function formatPartialDate(date: PartialDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  if (date.month === 0) return String(date.year);
  if (date.day === 0) return `${date.year}-${pad(date.month)}`;
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Parses the ISO form written by formatPartialDate. */
export function parseIsoPartialDate(text: string): PartialDate | null {
  const [year, month, day] = text.split('-').map(Number);
  return year === undefined ? null : { year, month: month ?? 0, day: day ?? 0 };
}

/** The eight digits of a full date as one number (19790403), so typo checks need no strings. */
function digitsOf(date: PartialDate): number {
  return date.year * 10000 + date.month * 100 + date.day;
}

function digitAt(value: number, position: number): number {
  return Math.floor(value / 10 ** position) % 10;
}

function typoReason(a: number, b: number): DateMatchReason | null {
  let differing = 0;
  let low = 0;
  let high = 0;
  let restA = a;
  let restB = b;
  for (let position = 0; position < 8 && differing < 3; position += 1) {
    if (restA % 10 !== restB % 10) {
      if (differing === 0) low = position;
      else if (differing === 1) high = position;
      differing += 1;
    }
    restA = Math.floor(restA / 10);
    restB = Math.floor(restB / 10);
  }
  if (differing === 1) return 'one-digit-typo';
  const isAdjacentSwap =
    differing === 2 && high === low + 1 && digitAt(a, low) === digitAt(b, high) && digitAt(a, high) === digitAt(b, low);
  return isAdjacentSwap ? 'digit-transposition' : null;
}

function compareFull(a: PartialDate, b: PartialDate): { similarity: number; reason: DateMatchReason } {
  if (a.year === b.year && a.month === b.month && a.day === b.day) return { similarity: 1, reason: 'exact' };
  if (a.year === b.year && a.day === b.month && a.month === b.day)
    return { similarity: 0.85, reason: 'day-month-swap' };
  const typo = typoReason(digitsOf(a), digitsOf(b));
  if (typo !== null) return { similarity: typo === 'one-digit-typo' ? 0.75 : 0.7, reason: typo };
  if (a.year === b.year && a.month === b.month) return { similarity: 0.3, reason: 'same-month' };
  if (a.year === b.year) return { similarity: 0.15, reason: 'same-year' };
  return { similarity: 0, reason: 'mismatch' };
}

function comparePartial(a: PartialDate, b: PartialDate): { similarity: number; reason: DateMatchReason } {
  if (a.year !== b.year) return { similarity: 0, reason: 'mismatch' };
  if (a.month === 0 || b.month === 0) return { similarity: 0.6, reason: 'year-only' };
  return a.month === b.month
    ? { similarity: 0.75, reason: 'year-month-only' }
    : { similarity: 0.1, reason: 'same-year' };
}

/** Compares two birth dates; symmetric. */
export function compareBirthDates(a: PartialDate, b: PartialDate): DateComparison {
  const isFull = a.day > 0 && b.day > 0;
  const result = isFull ? compareFull(a, b) : comparePartial(a, b);
  const isConflict = result.reason === 'mismatch' || (isFull && result.similarity < 0.5);
  const isClearConflict = isConflict && Math.abs(a.year - b.year) > 1;
  return { similarity: result.similarity, reason: result.reason, isConflict, isClearConflict, left: a, right: b };
}

/** Higher agreement wins; at equal agreement the pair that contradicts least (not clearly). */
function isCloser(comparison: DateComparison, best: DateComparison): boolean {
  if (comparison.similarity !== best.similarity) return comparison.similarity > best.similarity;
  return best.isClearConflict && !comparison.isClearConflict;
}

/** Best comparison over all birth-date pairs, or null when either side has none. */
export function compareBirthDateLists(left: PartialDate[], right: PartialDate[]): DateComparison | null {
  let best: DateComparison | null = null;
  for (const a of left) {
    for (const b of right) {
      const comparison = compareBirthDates(a, b);
      if (best === null || isCloser(comparison, best)) best = comparison;
    }
  }
  return best;
}
