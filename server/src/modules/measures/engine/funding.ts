import { findCatalogueMeasure } from './measure-catalogue.js';
import type { CatalogueLookup, CatalogueMeasure, MeasureStatus, PlanMeasure } from './measure-types.js';

/** Cap of the preventive scheme per residence, in euro. */
export const PREVENTIVE_CAP_EURO = 2400;

export type FundingLine = {
  measureId: string;
  code: string;
  costEuro: number;
  coveredEuro: number;
  exceedingEuro: number;
  /** No quote or invoice yet: the catalogue's upper estimate is used. */
  isEstimate: boolean;
};

export type ResidenceFunding = {
  residenceId: string;
  capEuro: number;
  eligibleEuro: number;
  coveredEuro: number;
  exceedingEuro: number;
  remainingCapEuro: number;
  lines: FundingLine[];
};

export type NotEligibleReason = 'not_in_scheme' | 'no_residence' | 'unknown_measure';

export type FundingSummary = {
  capEuro: number;
  residences: ResidenceFunding[];
  notEligible: { measureId: string; code: string; costEuro: number; reason: NotEligibleReason }[];
  totals: { coveredEuro: number; exceedingEuro: number; notEligibleEuro: number };
};

export type FundingOptions = {
  capEuro?: number;
  /** Include proposals to forecast; by default only decided and later measures count. */
  includeProposed?: boolean;
  catalogue?: CatalogueLookup;
};

const committed: ReadonlySet<MeasureStatus> = new Set(['besloten', 'in_uitvoering', 'actief', 'beeindigd']);

const cents = (euro: number): number => Math.round(euro * 100);
const euro = (c: number): number => c / 100;

function costCents(measure: PlanMeasure, entry: CatalogueMeasure | undefined): { value: number; isEstimate: boolean } {
  if (measure.costEuro !== undefined && measure.costEuro !== null)
    return { value: cents(measure.costEuro), isEstimate: false };
  return { value: cents(entry?.cost.maxEuro ?? 0), isEstimate: true };
}

function byCodeThenId(a: PlanMeasure, b: PlanMeasure): number {
  const ka = `${a.code}|${a.id}`;
  const kb = `${b.code}|${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

// Fills the cap in a fixed order (code, then id) so the same plan always splits the same way.
function fundResidence(
  residenceId: string,
  measures: PlanMeasure[],
  capCents: number,
  lookup: CatalogueLookup,
): ResidenceFunding {
  let remaining = capCents;
  const lines = [...measures].sort(byCodeThenId).map((m): FundingLine => {
    const cost = costCents(m, lookup(m.code));
    const covered = Math.min(cost.value, remaining);
    remaining -= covered;
    return {
      measureId: m.id,
      code: m.code,
      costEuro: euro(cost.value),
      coveredEuro: euro(covered),
      exceedingEuro: euro(cost.value - covered),
      isEstimate: cost.isEstimate,
    };
  });
  const sum = (pick: (l: FundingLine) => number): number => euro(lines.reduce((acc, l) => acc + cents(pick(l)), 0));
  return {
    residenceId,
    capEuro: euro(capCents),
    eligibleEuro: sum((l) => l.costEuro),
    coveredEuro: sum((l) => l.coveredEuro),
    exceedingEuro: sum((l) => l.exceedingEuro),
    remainingCapEuro: euro(remaining),
    lines,
  };
}

function ineligibility(measure: PlanMeasure, entry: CatalogueMeasure | undefined): NotEligibleReason | null {
  if (!entry) return 'unknown_measure';
  if (!entry.preventiveSchemeEligible) return 'not_in_scheme';
  return measure.residenceId ? null : 'no_residence';
}

/** Splits committed residential measures into what the preventive cap covers per residence and what exceeds it. */
export function fundingSummary(measures: readonly PlanMeasure[], options: FundingOptions = {}): FundingSummary {
  const lookup = options.catalogue ?? findCatalogueMeasure;
  const capCents = cents(options.capEuro ?? PREVENTIVE_CAP_EURO);
  const counted = measures.filter(
    (m) => committed.has(m.status) || (options.includeProposed === true && m.status === 'voorgesteld'),
  );
  const perResidence = new Map<string, PlanMeasure[]>();
  const notEligible: FundingSummary['notEligible'] = [];
  for (const m of counted) {
    const entry = lookup(m.code);
    const reason = ineligibility(m, entry);
    if (reason === null && m.residenceId)
      perResidence.set(m.residenceId, [...(perResidence.get(m.residenceId) ?? []), m]);
    else
      notEligible.push({
        measureId: m.id,
        code: m.code,
        costEuro: euro(costCents(m, entry).value),
        reason: reason ?? 'no_residence',
      });
  }
  const residences = [...perResidence.keys()]
    .sort()
    .map((id) => fundResidence(id, perResidence.get(id) ?? [], capCents, lookup));
  const total = (values: number[]): number => euro(values.reduce((acc, v) => acc + cents(v), 0));
  return {
    capEuro: euro(capCents),
    residences,
    notEligible: notEligible.sort((a, b) => (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0)),
    totals: {
      coveredEuro: total(residences.map((r) => r.coveredEuro)),
      exceedingEuro: total(residences.map((r) => r.exceedingEuro)),
      notEligibleEuro: total(notEligible.map((n) => n.costEuro)),
    },
  };
}
