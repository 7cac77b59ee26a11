/** One reason the advice moved, with the points it added; the unit of explanation. */
export type ThreatContribution = {
  kind: 'factor' | 'incident' | 'pattern';
  /** Factor name, incident id, pattern name or `combination:<id>`. */
  ref: string;
  label_nl: string;
  label_en: string;
  points: number;
  explanation: string;
  explanation_nl: string;
};

const DAY_MS = 86_400_000;

/** Rounds to hundredths so sums are exact integers internally and stable across input orders. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/** Whole and fractional days between an ISO timestamp and `asOf` (negative when in the future). */
export function ageInDays(occurredAt: string, asOf: string): number {
  return (Date.parse(asOf) - Date.parse(occurredAt)) / DAY_MS;
}

/** Formats points for explanations without floating-point noise. */
export function formatPoints(hundredths: number): string {
  return (hundredths / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** Dutch decimal comma for numbers shown in Dutch explanations. */
export function nl(value: number | string): string {
  return String(value).replace('.', ',');
}

/** Orders contributions by weight, then kind and ref, so equal inputs explain themselves identically. */
export function compareContributions(a: ThreatContribution, b: ThreatContribution): number {
  if (a.points !== b.points) return b.points - a.points;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}
