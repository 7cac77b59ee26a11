/**
 * Builders of explanation items. Weights live here, next to the words that justify them.
 */
import type { AddressComparison } from './addresses.js';
import { formatPartialDate } from './dates.js';
import type { DateComparison } from './dates.js';
import type { IdentifierComparison } from './identifiers.js';
import type { NameComparison } from './name-similarity.js';
import type { TokenMatchReason } from './token-similarity.js';
import type { EntitySchema, PreparedEntity, ScoreItem } from './types.js';

export const WEIGHTS = {
  name: 0.6,
  birthDate: 0.25,
  address: 0.15,
  identifier: 0.5,
  identifierConflict: 0.2,
  country: 0.05,
};

/**
 * Value of a feature only one side has. Without it, a candidate lacking a birth date would
 * outrank one whose birth year agrees: missing data must not beat partial agreement.
 */
export const UNKNOWN_VALUES = { birthDate: 0.5, address: 0.1 };

/**
 * Penalty factors: multiply the score when the records contradict each other. A clear birth-date
 * conflict (years more than one apart) takes a near-identical name to about 0.6 together with the
 * zero date evidence (1 × 0.6/0.85 × 0.87), below the match threshold; a conflict in the same or the next year
 * weighs less, so it ranks above a clear one and below a missing date.
 */
export const PENALTIES = {
  birthDateConflict: 0.87,
  birthDateNearConflict: 0.95,
  kvkConflict: 0.6,
  identifierConflict: 0.85,
  schemaConflict: 0.5,
};

/**
 * The name leads, the rest confirms (as in yente's logic-v1/v2, where dates only qualify a name
 * score). From `plausible` on, a name can be the same person written otherwise (dropped middle
 * names, initials, a typo) and birth date, address and country lift the score fully. At or below
 * `weak` it names someone else or half of someone (another given name or surname, one name
 * part): they keep `weakLiftShare` of their lift, enough to order candidates with the same
 * name, too little to carry a weak name past a near-identical one. In between, the share rises
 * linearly. A shared identifier is evidence of identity on its own and is not bounded by the name.
 */
export const NAME_BAND = { weak: 0.7, plausible: 0.8, weakLiftShare: 0.1 };

/** Share of the lift above its own similarity that the other features may give a name. */
export function nameLiftShare(name: number): number {
  const { weak, plausible, weakLiftShare } = NAME_BAND;
  const position = Math.min(1, Math.max(0, (name - weak) / (plausible - weak)));
  return weakLiftShare + (1 - weakLiftShare) * position;
}

const TOKEN_REASON_TEXT: Record<TokenMatchReason, string> = {
  exact: 'same',
  initial: 'initial',
  tussenvoegsel: 'same with tussenvoegsel',
  'spelling-variant': 'spelling variant',
  'given-name-form': 'formal/everyday form of one given name',
  transliteration: 'same consonants (transliteration)',
  'similar-spelling': 'similar spelling',
  merged: 'written as one word',
};

const DATE_REASON_TEXT: Record<DateComparison['reason'], string> = {
  exact: 'identical',
  'day-month-swap': 'day and month swapped',
  'one-digit-typo': 'one digit differs (likely typo)',
  'digit-transposition': 'two adjacent digits swapped (likely typo)',
  'year-month-only': 'year and month agree; one side lacks the day',
  'year-only': 'birth year agrees; one side gives only the year',
  'same-month': 'same year and month, different day',
  'same-year': 'same year only',
  mismatch: 'different dates',
};

const ADDRESS_REASON_TEXT: Record<AddressComparison['reason'], string> = {
  'same-postcode-and-number': 'same postcode and house number',
  'same-postcode-other-addition': 'same postcode and house number, different addition',
  'same-postcode': 'same postcode, house number differs or is missing',
  'same-street-and-number': 'same street and house number',
  'same-street-other-city': 'same street and number but in another city',
  'same-city': 'only the city agrees',
  different: 'different addresses (people move, so this is weak evidence)',
};

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Item for the best name pair. */
export function nameItem(
  names: { comparison: NameComparison; leftIndex: number; rightIndex: number },
  query: PreparedEntity,
  candidate: PreparedEntity,
  withDetail: boolean,
): ScoreItem {
  const { comparison } = names;
  let explanation = '';
  if (withDetail) {
    const left = query.displayNames[names.leftIndex] ?? '';
    const right = candidate.displayNames[names.rightIndex] ?? '';
    const pairs = comparison.pairs.map(
      (p) => `${p.left} ~ ${p.right} (${TOKEN_REASON_TEXT[p.reason]}, ${round(p.similarity)})`,
    );
    const unmatched =
      comparison.unmatched.length > 0 ? `; without counterpart: ${comparison.unmatched.join(', ')}` : '';
    const body = pairs.length > 0 ? pairs.join('; ') : 'no name parts agree';
    explanation = `Name "${left}" vs "${right}": ${body}${unmatched}`;
  }
  return {
    feature: 'name',
    kind: 'evidence',
    weight: WEIGHTS.name,
    value: round(comparison.similarity),
    explanation,
    label: 'Naam',
  };
}

/** Evidence item for birth dates, plus a penalty when both give full, different dates. */
export function birthDateItems(dates: DateComparison, withDetail: boolean): ScoreItem[] {
  const text = withDetail
    ? `Birth dates ${formatPartialDate(dates.left)} and ${formatPartialDate(dates.right)}: ${DATE_REASON_TEXT[dates.reason]}`
    : '';
  const items: ScoreItem[] = [
    {
      feature: 'birthDate',
      kind: 'evidence',
      weight: WEIGHTS.birthDate,
      value: dates.similarity,
      explanation: text,
      label: 'Geboortedatum',
    },
  ];
  if (dates.isClearConflict) {
    const why = withDetail ? 'Birth years more than one year apart: a different person' : '';
    items.push({
      feature: 'birthDate',
      kind: 'penalty',
      weight: 0,
      value: PENALTIES.birthDateConflict,
      explanation: why,
      label: 'Geboortedatum wijkt af',
    });
  } else if (dates.isConflict) {
    const why = withDetail
      ? 'Birth dates contradict each other, in the same or the adjacent year: probably a different person, unless one date is wrong'
      : '';
    items.push({
      feature: 'birthDate',
      kind: 'penalty',
      weight: 0,
      value: PENALTIES.birthDateNearConflict,
      explanation: why,
      label: 'Geboortedatum wijkt deels af',
    });
  }
  return items;
}

/**
 * Penalty that holds a name below `NAME_BAND.plausible` to its band: of what the other features
 * add above the name's own similarity it keeps `nameLiftShare`. Null when nothing is held.
 */
export function nameBandItem(name: number, uncapped: number, withDetail: boolean): ScoreItem | null {
  const share = nameLiftShare(name);
  if (share >= 1 || uncapped <= name) return null;
  const capped = name + share * (uncapped - name);
  const explanation = withDetail
    ? `The names agree only ${round(name)} (plausible from ${NAME_BAND.plausible}): birth date, ` +
      `address and country confirm a name but do not replace it, so they add ${round(capped - name)} ` +
      `instead of ${round(uncapped - name)}`
    : '';
  return {
    feature: 'name',
    kind: 'penalty',
    weight: 0,
    value: capped / uncapped,
    explanation,
    label: 'Naam begrenst score',
  };
}

/** Evidence item for a birth date or address the query gives and the candidate lacks. */
export function unknownItem(feature: 'birthDate' | 'address', withDetail: boolean): ScoreItem {
  const what = feature === 'birthDate' ? 'birth date' : 'address';
  const value = UNKNOWN_VALUES[feature];
  const explanation = withDetail ? `The candidate has no ${what}; counted as unknown (${value})` : '';
  const label = feature === 'birthDate' ? 'Geboortedatum onbekend' : 'Adres onbekend';
  return { feature, kind: 'unknown', weight: WEIGHTS[feature], value, explanation, label };
}

/** Evidence item for addresses; never a penalty, because people move. */
export function addressItem(address: AddressComparison, withDetail: boolean): ScoreItem {
  const explanation = withDetail ? `Addresses: ${ADDRESS_REASON_TEXT[address.reason]}` : '';
  return {
    feature: 'address',
    kind: 'evidence',
    weight: WEIGHTS.address,
    value: address.similarity,
    explanation,
    label: 'Adres',
  };
}

/** Evidence for a shared identifier, or a conflict item and penalty for different values of one scheme. */
export function identifierItems(identifier: IdentifierComparison, withDetail: boolean): ScoreItem[] {
  const scheme = (identifier.scheme ?? 'other').toUpperCase();
  if (!identifier.isConflict) {
    const explanation = withDetail ? `Same ${scheme} number ${identifier.value}` : '';
    return [
      {
        feature: 'identifier',
        kind: 'evidence',
        weight: WEIGHTS.identifier,
        value: 1,
        explanation,
        label: 'Zelfde nummer',
      },
    ];
  }
  const factor = identifier.scheme === 'kvk' ? PENALTIES.kvkConflict : PENALTIES.identifierConflict;
  const explanation = withDetail ? `Both have a ${scheme} number but the numbers differ` : '';
  return [
    {
      feature: 'identifier',
      kind: 'evidence',
      weight: WEIGHTS.identifierConflict,
      value: 0,
      explanation,
      label: 'Ander nummer',
    },
    { feature: 'identifier', kind: 'penalty', weight: 0, value: factor, explanation, label: 'Nummer wijkt af' },
  ];
}

/** Evidence item for countries, or null when either side has none. */
export function countryItem(left: string[], right: string[], withDetail: boolean): ScoreItem | null {
  if (left.length === 0 || right.length === 0) return null;
  const shared = left.filter((country) => right.includes(country)).sort();
  const explanation = withDetail
    ? shared.length > 0
      ? `Same country (${shared.join(', ')})`
      : `Different countries (${left.join(', ')} vs ${right.join(', ')})`
    : '';
  return {
    feature: 'country',
    kind: 'evidence',
    weight: WEIGHTS.country,
    value: shared.length > 0 ? 1 : 0,
    explanation,
    label: 'Land',
  };
}

/** Penalty for comparing a person with a company or organisation. */
export function schemaItem(left: EntitySchema, right: EntitySchema, withDetail: boolean): ScoreItem {
  const explanation = withDetail
    ? `A ${left} compared with a ${right}: could be an eenmanszaak, but usually not the same entity`
    : '';
  return {
    feature: 'schema',
    kind: 'penalty',
    weight: 0,
    value: PENALTIES.schemaConflict,
    explanation,
    label: 'Ander soort',
  };
}
