/**
 * Text folding and comparison keys. `foldText` makes text comparable (case, diacritics,
 * scripts); `comparisonKey` also folds Dutch spelling variation (ij/y, ph/f, c/k, dt...)
 * so that Jaro-Winkler compares pronunciation-ish forms; `skeletonKey` drops vowels and is
 * the coarse key the candidate index is built on.
 */
import { GIVEN_NAME_GROUPS, SPELLING_VARIANTS } from './dutch-rules.js';
import { transliterate } from './transliterate.js';

const ASCII_ONLY = /^[\x20-\x7e]*$/;
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g;
// Keep letters, digits and the punctuation the name parsers still need to see.
const DISALLOWED = /[^a-z0-9\s.,'\-/&]/g;

/** Lowercases, strips diacritics (NFKD), transliterates non-Latin scripts, keeps . , ' - / & as structure. */
export function foldText(input: string): string {
  let text = input.toLowerCase();
  if (!ASCII_ONLY.test(text)) {
    text = text.normalize('NFKD').replace(COMBINING_MARKS, '');
    text = transliterate(text).normalize('NFKD').replace(COMBINING_MARKS, '');
    text = text.replace(APOSTROPHES, "'");
  }
  return text.replace(DISALLOWED, ' ');
}

/** Removes every character that is not a-z or 0-9 (for keys built from folded text). */
export function compactFolded(folded: string): string {
  return folded.replace(/[^a-z0-9]/g, '');
}

/**
 * Comparison key of one folded token: Dutch spelling variation folded away.
 * IJsselmeer and Ysselmeer, Janssen and Jansen, Philips and Filips give one key.
 */
export function comparisonKey(token: string): string {
  if (token.length < 2) return token;
  return memoised(comparisonCache, token, computeComparisonKey);
}

// Names repeat heavily (a million persons share a few thousand name parts), so a bounded
// memo turns the regex chain into a map lookup during index builds.
const CACHE_LIMIT = 200_000;
const comparisonCache = new Map<string, string>();
const skeletonCache = new Map<string, string>();

function memoised(cache: Map<string, string>, input: string, compute: (input: string) => string): string {
  const hit = cache.get(input);
  if (hit !== undefined) return hit;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute(input);
  cache.set(input, value);
  return value;
}

function computeComparisonKey(token: string): string {
  return token
    .replace(/sch$/, 's')
    .replace(/eij|ij|ei|ey/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/kh|ch|gh/g, 'g')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'kw')
    .replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/ou/g, 'au')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'u')
    .replace(/uy/g, 'ui')
    .replace(/dt$|d$/, 't')
    .replace(/(.)\1+/g, '$1');
}

const VOWELS = /[aeiouy]/g;

/** Consonant skeleton of a comparison key (first letter kept): mohammed, muhammad, mehmet -> mhmt. */
export function skeletonKey(key: string): string {
  if (key.length < 2) return key;
  return memoised(skeletonCache, key, (input) =>
    (input[0] + input.slice(1).replace(VOWELS, '')).replace(/(.)\1+/g, '$1'),
  );
}

const VOWEL_CODES: ReadonlySet<number> = new Set([...'aeiouy'].map((vowel) => vowel.charCodeAt(0)));

/** True when a key has no vowels after its first letter (typical of an abjad transliteration). */
export function isVowelless(key: string): boolean {
  if (key.length < 3) return false;
  for (let i = 1; i < key.length; i += 1) if (VOWEL_CODES.has(key.charCodeAt(i))) return false;
  return true;
}

function buildGroupMap(groups: ReadonlyArray<readonly string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const canonical = comparisonKey(group[0] ?? '');
    for (const member of group) {
      const key = comparisonKey(member);
      if (!map.has(key)) map.set(key, canonical);
    }
  }
  return map;
}

const VARIANT_BY_KEY = buildGroupMap(SPELLING_VARIANTS);
const GIVEN_NAME_BY_KEY = buildGroupMap(GIVEN_NAME_GROUPS);

/** Canonical spelling of a comparison key when it is in a known variant group, else the key. */
export function canonicalVariant(key: string): string {
  return VARIANT_BY_KEY.get(key) ?? key;
}

/** Roepnaam/doopnaam group of a comparison key (Jan -> johannes), or undefined. */
export function givenNameGroup(key: string): string | undefined {
  return GIVEN_NAME_BY_KEY.get(key);
}
