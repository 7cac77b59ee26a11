/**
 * A client-side check of the birth-date field, so an obvious slip is named at the field before
 * the server is asked (the server checks again, and is the judge: it also accepts registry
 * typos that are one slip away from a real date).
 */
const MONTHS = new Set(
  (
    'januari jan january februari feb february maart mrt march mar april apr mei may juni jun june juli jul july ' +
    'augustus aug august september sep sept oktober okt october oct november nov december dec'
  ).split(' '),
);

const yearOk = (y: number) => y >= 1800 && y <= 2100;
const partsOk = (y: number, m: number, d: number) => yearOk(y) && m >= 0 && m <= 12 && d >= 0 && d <= 31;

/** Whether `input` reads as a (partial) date: 3-4-1979, 1979-04-03, 03.04.1979, 19790403, 3 april 1979, 04-1979, 1979. */
export function looksLikeDate(input: string): boolean {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return true;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return partsOk(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(text);
  if (m) return partsOk(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return partsOk(Number(m[1]), Number(m[2]), Number(m[3])) || partsOk(Number(text.slice(4)), Number(m[2]), 1);
  m = /^(\d{4})[-/.](\d{1,2})$/.exec(text) ?? /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return /^\d{4}$/.test(m[1]!) ? partsOk(Number(m[1]), Number(m[2]), 0) : partsOk(Number(m[2]), Number(m[1]), 0);
  m = /^(?:(\d{1,2}) )?([a-z]+)\.? (\d{4})$/.exec(text);
  if (m) return MONTHS.has(m[2]!) && partsOk(Number(m[3]), 1, Number(m[1] ?? 0));
  return /^\d{4}$/.test(text) && yearOk(Number(text));
}
