/**
 * Identifiers and countries. KvK numbers (8 digits), passports, VAT and RSIN numbers are
 * matched exactly. A BSN is never used for matching: the Wet algemene bepalingen BSN
 * limits its use, so BSNs are dropped here and never reach the index.
 */
import { COUNTRY_NAMES } from './dutch-rules.js';
import { foldText } from './text-keys.js';

/** Identifier schemes we match on. */
export type IdentifierScheme = 'kvk' | 'rsin' | 'vat' | 'passport' | 'idcard' | 'lei' | 'other';

export interface IdentifierComparison {
  similarity: number;
  /** Same scheme, different value: for a KvK number this says "another company". */
  isConflict: boolean;
  scheme: IdentifierScheme | null;
  value: string;
}

const SCHEME_ALIASES: Readonly<Record<string, IdentifierScheme | 'bsn'>> = {
  kvk: 'kvk',
  kvknummer: 'kvk',
  coc: 'kvk',
  rsin: 'rsin',
  fiscaalnummer: 'rsin',
  vat: 'vat',
  btw: 'vat',
  btwnummer: 'vat',
  passport: 'passport',
  paspoort: 'passport',
  paspoortnummer: 'passport',
  idcard: 'idcard',
  identiteitskaart: 'idcard',
  idkaart: 'idcard',
  lei: 'lei',
  bsn: 'bsn',
  burgerservicenummer: 'bsn',
  sofinummer: 'bsn',
  other: 'other',
};

const ALIASES_LONGEST_FIRST = Object.keys(SCHEME_ALIASES).sort((a, b) => b.length - a.length);

/** Splits "KvK 1234 5678", "k.v.k.: 12345678", "paspoort NW1234567" into scheme and value. */
function splitScheme(folded: string): { scheme: string | null; value: string } {
  const compact = folded.replace(/[^a-z0-9]/g, '');
  for (const alias of ALIASES_LONGEST_FIRST) {
    if (compact.startsWith(alias) && compact.length > alias.length) {
      return { scheme: alias, value: compact.slice(alias.length) };
    }
  }
  return { scheme: null, value: compact };
}

/** Normalises an identifier to "scheme:value"; null for a BSN, a bare 9-digit number or garbage. */
export function normaliseIdentifier(input: string): string | null {
  const { scheme, value } = splitScheme(foldText(input).trim());
  if (value === '') return null;
  if (scheme !== null) {
    const resolved = SCHEME_ALIASES[scheme];
    if (resolved === undefined || resolved === 'bsn') return null;
    if (resolved === 'kvk' && !/^\d{8}$/.test(value)) return null;
    return `${resolved}:${value}`;
  }
  if (/^\d{8}$/.test(value)) return `kvk:${value}`;
  // A bare 9-digit number may be a BSN; without a label we cannot tell, so it is not used.
  if (/^\d{9}$/.test(value)) return null;
  if (/^nl\d{9}b\d{2}$/.test(value)) return `vat:${value}`;
  return `other:${value}`;
}

/** Normalises a country name or code to a lowercase ISO alpha-2 code where known. */
export function normaliseCountry(input: string): string {
  const folded = foldText(input)
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return COUNTRY_NAMES[folded] ?? folded;
}

/** Compares identifier lists: a shared value is a match; the same scheme with other values is a conflict. */
export function compareIdentifierLists(left: string[], right: string[]): IdentifierComparison | null {
  if (left.length === 0 || right.length === 0) return null;
  const rightSet = new Set(right);
  const shared = left.filter((identifier) => rightSet.has(identifier)).sort();
  if (shared[0] !== undefined) {
    const [scheme, value] = shared[0].split(':');
    return { similarity: 1, isConflict: false, scheme: (scheme ?? 'other') as IdentifierScheme, value: value ?? '' };
  }
  const schemesRight = new Set(right.map((identifier) => identifier.split(':')[0]));
  const common = left.map((identifier) => identifier.split(':')[0]).filter((scheme) => schemesRight.has(scheme));
  const scheme = common.sort()[0];
  if (scheme === undefined || scheme === 'other') return null;
  return { similarity: 0, isConflict: true, scheme: scheme as IdentifierScheme, value: '' };
}
