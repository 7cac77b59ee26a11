/**
 * Dates stored as Uint16 days since 1899-12-31 (0 = unknown), i.e. 1900-01-01 .. 2079-06-06:
 * wide enough for birth, incorporation and directorship dates at 2 bytes each.
 * Partial FtM dates (YYYY, YYYY-MM) fall to the first day of the period.
 */
const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 31);
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Encodes an ISO date (possibly partial) into a day number; 0 when absent or out of range. */
export function encodeDay(value: string | undefined | null): number {
  if (!value) return 0;
  const match = ISO_DATE.exec(value);
  if (!match) return 0;
  const ms = Date.UTC(Number(match[1]), Number(match[2] ?? '1') - 1, Number(match[3] ?? '1'));
  const day = Math.round((ms - EPOCH_MS) / DAY_MS);
  return day >= 1 && day <= 0xffff ? day : 0;
}

/** Decodes a day number to YYYY-MM-DD, or null for 0. */
export function decodeDay(day: number): string | null {
  if (day === 0) return null;
  return new Date(EPOCH_MS + day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a JS date (for "now" in red-flag rules). */
export function dayOfDate(date: Date): number {
  return Math.floor((date.getTime() - EPOCH_MS) / DAY_MS);
}
