/**
 * Similarity of two name tokens, with the reason, so the alignment can explain itself.
 */
import { editDistanceWithin } from './edit-distance.js';
import { jaroWinkler, jaroWinklerAtLeast } from './jaro-winkler.js';
import type { NameToken } from './normalise.js';
import { canonicalVariant, givenNameGroup, isVowelless, skeletonKey } from './text-keys.js';

/** Why two tokens were paired. */
export type TokenMatchReason =
  | 'exact'
  | 'initial'
  | 'tussenvoegsel'
  | 'spelling-variant'
  | 'given-name-form'
  | 'transliteration'
  | 'similar-spelling'
  | 'merged';

export interface TokenMatch {
  similarity: number;
  reason: TokenMatchReason;
}

/** Below this Jaro-Winkler value two tokens are different names, not typos of one. */
export const MIN_TOKEN_SIMILARITY = 0.8;

const NO_MATCH: TokenMatch = { similarity: 0, reason: 'exact' };

/** True for full tokens, including the alternatives of a hyphenated double name. */
export function isFullToken(token: NameToken): boolean {
  return token.flag !== 'i';
}

function initialMatch(initial: NameToken, other: NameToken): TokenMatch {
  if (!isFullToken(other)) return initial.key === other.key ? { similarity: 1, reason: 'exact' } : NO_MATCH;
  const hit = initial.key === other.first || initial.key === other.key.slice(0, 1);
  return hit ? { similarity: 0.9, reason: 'initial' } : NO_MATCH;
}

function mergedMatch(a: NameToken, b: NameToken): TokenMatch | null {
  if (a.merged !== null && (a.merged === b.key || a.merged === b.merged))
    return { similarity: 1, reason: 'tussenvoegsel' };
  if (b.merged !== null && b.merged === a.key) return { similarity: 1, reason: 'tussenvoegsel' };
  return null;
}

/**
 * Edits a typo may make in a name whose shorter comparison key has `length` letters: none
 * up to three letters (Bos/Vos, Kok/Kop are different families), one up to six
 * (Jong/Jonk, Smit/Smits), two up to nine. Jaro-Winkler alone is lenient on short names.
 */
function typoBudget(length: number): number {
  return Math.max(0, Math.floor((length - 1) / 3));
}

const I_CODE = 'i'.charCodeAt(0);
const Y_CODE = 'y'.charCodeAt(0);
/** Similarity of "Dik" and "Dijk": the ij written as i is a common slip, not another name. */
const IJ_AS_I_SIMILARITY = 0.9;

/** True when two keys of one length differ only where one has i and the other y (Dik, Dijk). */
function differsOnlyInIY(x: string, y: string): boolean {
  if (x.length !== y.length || x === y) return false;
  for (let k = 0; k < x.length; k += 1) {
    const left = x.charCodeAt(k);
    const right = y.charCodeAt(k);
    if (left !== right && !((left === I_CODE && right === Y_CODE) || (left === Y_CODE && right === I_CODE)))
      return false;
  }
  return true;
}

/**
 * The comparison key with the sounds transliteration writes in two letters folded the way the key
 * already folds Dutch "ch" (to g): Rachid/Rashid, Hicham/Hisham, Chalid/Khalid are one name
 * written by French, English or Dutch habit, not two edits apart. Used for the edit bound only.
 */
const foldTransliteration = (key: string): string =>
  key.includes('h') ? key.replaceAll('sh', 'g').replaceAll('kh', 'g') : key;

/**
 * Similarity of two written forms (keys or merged keys) of two tokens, 0 below the bar.
 * Jaro-Winkler gives the value; the edit bound decides whether it is a typo at all, so a
 * shared tussenvoegsel ("devries", "devos") cannot earn the prefix bonus for the surname.
 */
function formSimilarity(x: string, y: string, budget: number): number {
  if (differsOnlyInIY(x, y)) return Math.max(IJ_AS_I_SIMILARITY, jaroWinkler(x, y));
  // Values below MIN_TOKEN_SIMILARITY are all treated alike, so they need not be exact.
  const similarity = jaroWinklerAtLeast(x, y, MIN_TOKEN_SIMILARITY);
  if (similarity < MIN_TOKEN_SIMILARITY) return 0;
  return editDistanceWithin(foldTransliteration(x), foldTransliteration(y), budget) <= budget ? similarity : 0;
}

function fuzzyMatch(a: NameToken, b: NameToken): TokenMatch {
  const budget = typoBudget(Math.min(a.key.length, b.key.length));
  let best = formSimilarity(a.key, b.key, budget);
  if (a.merged !== null) best = Math.max(best, formSimilarity(a.merged, b.key, budget));
  if (b.merged !== null) best = Math.max(best, formSimilarity(a.key, b.merged, budget));
  // Both with tussenvoegsels ("van Bergen", "van Bregen"): compared as written together, while the
  // edit bound (set by the surnames alone) keeps the shared tussenvoegsel from pairing others.
  if (a.merged !== null && b.merged !== null) best = Math.max(best, formSimilarity(a.merged, b.merged, budget));
  return best >= MIN_TOKEN_SIMILARITY ? { similarity: best, reason: 'similar-spelling' } : NO_MATCH;
}

/** Similarity in [0,1] of two tokens and the reason; symmetric in its arguments. */
export function matchTokens(a: NameToken, b: NameToken): TokenMatch {
  if (!isFullToken(a)) return initialMatch(a, b);
  if (!isFullToken(b)) return initialMatch(b, a);
  if (a.key === b.key) return { similarity: 1, reason: 'exact' };
  const merged = mergedMatch(a, b);
  if (merged !== null) return merged;
  const fuzzy = fuzzyMatch(a, b);
  if (fuzzy.similarity >= 0.95) return fuzzy;
  if (canonicalVariant(a.key) === canonicalVariant(b.key)) return { similarity: 0.95, reason: 'spelling-variant' };
  const groupA = givenNameGroup(a.key);
  const isSameGivenName = groupA !== undefined && groupA === givenNameGroup(b.key);
  if (isSameGivenName && fuzzy.similarity < 0.85) return { similarity: 0.85, reason: 'given-name-form' };
  if (
    fuzzy.similarity < 0.85 &&
    (isVowelless(a.key) || isVowelless(b.key)) &&
    skeletonKey(a.key) === skeletonKey(b.key)
  ) {
    return { similarity: 0.85, reason: 'transliteration' };
  }
  return fuzzy;
}

/**
 * Token similarities memoised for one query. The index shares one NameToken object per
 * distinct token, so the candidates of a query hit the same few pairs again and again.
 */
export class TokenSimilarityCache {
  private readonly rows = new Map<NameToken, Map<NameToken, number>>();

  similarity(a: NameToken, b: NameToken): number {
    let row = this.rows.get(a);
    if (row === undefined) {
      row = new Map();
      this.rows.set(a, row);
    }
    let value = row.get(b);
    if (value === undefined) {
      value = matchTokens(a, b).similarity;
      row.set(b, value);
    }
    return value;
  }
}
