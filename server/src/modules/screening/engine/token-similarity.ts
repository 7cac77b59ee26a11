/**
 * Similarity of two name tokens, with the reason, so the alignment can explain itself.
 */
import { jaroWinklerAtLeast } from './jaro-winkler.js';
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

// Values below MIN_TOKEN_SIMILARITY are all treated alike, so they need not be exact.
const similarEnough = (x: string, y: string): number => jaroWinklerAtLeast(x, y, MIN_TOKEN_SIMILARITY);

function fuzzyMatch(a: NameToken, b: NameToken): TokenMatch {
  let best = similarEnough(a.key, b.key);
  if (a.merged !== null) best = Math.max(best, similarEnough(a.merged, b.key));
  if (b.merged !== null) best = Math.max(best, similarEnough(a.key, b.merged));
  // "van Dik" vs "van Dijk": short surnames need their tussenvoegsels to be recognisable.
  if (a.merged !== null && b.merged !== null) best = Math.max(best, similarEnough(a.merged, b.merged));
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
