/**
 * Name similarity by optimal token alignment. Tokens may be swapped, dropped (middle
 * names, one half of a double surname), merged ("Vandenberg", "Janpeter") or given as
 * initials. The alignment is exact (dynamic programming over subsets), which is cheap
 * because names have at most MAX_TOKENS tokens.
 */
import { jaroWinkler, jaroWinklerAtLeast } from './jaro-winkler.js';
import { MAX_TOKENS } from './normalise.js';
import type { NameToken, PreparedName } from './normalise.js';
import { isFullToken, matchTokens, MIN_TOKEN_SIMILARITY } from './token-similarity.js';
import type { TokenMatchReason, TokenSimilarityCache } from './token-similarity.js';

/** One aligned pair (or merged pair) in a name comparison. */
export interface AlignedPair {
  left: string;
  right: string;
  similarity: number;
  reason: TokenMatchReason;
}

export interface NameComparison {
  similarity: number;
  pairs: AlignedPair[];
  /** Tokens left without a partner on either side. */
  unmatched: string[];
}

const INITIAL_WEIGHT = 0.6;
// Share of an unmatched token's weight that is forgiven: a dropped middle name or one half
// of a married double surname is normal; a missing first or last name is not.
const FORGIVE_MIDDLE = 0.5;
const FORGIVE_ALTERNATIVE = 0.75;
/** Ceiling when no full word agrees (initials alone identify nobody). */
const NO_WORD_CEILING = 0.35;
/** Below this a word is not two adjacent words written together. */
const MIN_MERGE_SIMILARITY = 0.9;

const STATES = (MAX_TOKENS + 2) * (1 << MAX_TOKENS);
const best = new Float64Array(STATES);
const choice = new Int16Array(STATES);

function weightOf(token: NameToken): number {
  return token.flag === 'i' ? INITIAL_WEIGHT : 1;
}

function forgivenWeight(tokens: NameToken[], index: number): number {
  const token = tokens[index];
  if (token === undefined) return 0;
  if (token.flag === 'a') return FORGIVE_ALTERNATIVE * weightOf(token);
  const isMiddle = index > 0 && index < tokens.length - 1;
  return isMiddle ? FORGIVE_MIDDLE * weightOf(token) : 0;
}

function tokenLabel(token: NameToken): string {
  return token.flag === 'i' ? `${token.key}.` : token.key;
}

interface Problem {
  a: NameToken[];
  b: NameToken[];
  sim: Float64Array;
}

// One similarity matrix reused by every comparison (a comparison never outlives its call).
const sharedSim = new Float64Array(MAX_TOKENS * MAX_TOKENS);

function buildProblem(a: NameToken[], b: NameToken[], cache: TokenSimilarityCache | undefined): Problem {
  const size = a.length * b.length;
  const sim = size <= sharedSim.length ? sharedSim : new Float64Array(size);
  for (let i = 0; i < a.length; i += 1) {
    const tokenA = a[i] as NameToken;
    for (let j = 0; j < b.length; j += 1) {
      const tokenB = b[j] as NameToken;
      sim[i * b.length + j] =
        cache === undefined ? matchTokens(tokenA, tokenB).similarity : cache.similarity(tokenA, tokenB);
    }
  }
  return { a, b, sim };
}

/** Similarity of one token to two adjacent tokens written as one word; 0 below the bar. */
function mergeSimilarity(
  single: NameToken | undefined,
  first: NameToken | undefined,
  second: NameToken | undefined,
): number {
  if (single === undefined || first === undefined || second === undefined) return 0;
  if (!isFullToken(single) || !isFullToken(first) || !isFullToken(second)) return 0;
  if (Math.abs(single.key.length - first.key.length - second.key.length) > 2) return 0;
  const similarity = jaroWinklerAtLeast(single.key, first.key + second.key, MIN_MERGE_SIMILARITY);
  return similarity >= MIN_MERGE_SIMILARITY ? similarity : 0;
}

function unmatchedTail(problem: Problem, mask: number): number {
  let total = 0;
  for (let j = 0; j < problem.b.length; j += 1) {
    if ((mask & (1 << j)) === 0) total += forgivenWeight(problem.b, j);
  }
  return total;
}

/** Best gain for state (i, mask); writes best[] and choice[]. Codes: 0 skip, 1+j pair, 100+j B-merge, 200+j A-merge. */
function solveState(problem: Problem, i: number, mask: number, width: number): void {
  const { a, b, sim } = problem;
  const state = i * width + mask;
  const tokenA = a[i] as NameToken;
  let bestGain = forgivenWeight(a, i) + (best[(i + 1) * width + mask] ?? 0);
  let bestChoice = 0;
  for (let j = 0; j < b.length; j += 1) {
    const bit = 1 << j;
    if ((mask & bit) !== 0) continue;
    const tokenB = b[j] as NameToken;
    const s = sim[i * b.length + j] ?? 0;
    if (s > 0) {
      const gain = s * (weightOf(tokenA) + weightOf(tokenB)) + (best[(i + 1) * width + (mask | bit)] ?? 0);
      if (gain > bestGain) [bestGain, bestChoice] = [gain, 1 + j];
    }
    const next = b[j + 1];
    if (next !== undefined && (mask & (bit << 1)) === 0) {
      const merged = mergeSimilarity(tokenA, tokenB, next);
      const gain = merged * 3 + (best[(i + 1) * width + (mask | bit | (bit << 1))] ?? 0);
      if (merged > 0 && gain > bestGain) [bestGain, bestChoice] = [gain, 100 + j];
    }
    const merged = mergeSimilarity(tokenB, tokenA, a[i + 1]);
    const gain = merged * 3 + (best[(i + 2) * width + (mask | bit)] ?? 0);
    if (merged > 0 && gain > bestGain) [bestGain, bestChoice] = [gain, 200 + j];
  }
  best[state] = bestGain;
  choice[state] = bestChoice;
}

function solve(problem: Problem): number {
  const width = 1 << problem.b.length;
  const n = problem.a.length;
  for (let mask = 0; mask < width; mask += 1) {
    const tail = unmatchedTail(problem, mask);
    best[n * width + mask] = tail;
    best[(n + 1) * width + mask] = tail;
  }
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let mask = 0; mask < width; mask += 1) solveState(problem, i, mask, width);
  }
  return best[0] ?? 0;
}

interface Trace {
  hasWordMatch: boolean;
  pairs: AlignedPair[];
  unmatched: string[];
}

function describePair(left: NameToken, right: NameToken): AlignedPair {
  const match = matchTokens(left, right);
  return { left: tokenLabel(left), right: tokenLabel(right), similarity: match.similarity, reason: match.reason };
}

/** Walks the recorded choices back from (0, 0) to recover which tokens were paired. */
function traceAlignment(problem: Problem, withDetail: boolean): Trace {
  const { a, b } = problem;
  const width = 1 << b.length;
  const trace: Trace = { hasWordMatch: false, pairs: [], unmatched: [] };
  let i = 0;
  let mask = 0;
  while (i < a.length) {
    const code = choice[i * width + mask] ?? 0;
    const tokenA = a[i] as NameToken;
    if (code === 0) {
      if (withDetail) trace.unmatched.push(tokenLabel(tokenA));
      i += 1;
      continue;
    }
    const j = (code % 100) - (code < 100 ? 1 : 0);
    const tokenB = b[j] as NameToken;
    if (code < 100) {
      if (isFullToken(tokenA) && isFullToken(tokenB)) trace.hasWordMatch = true;
      if (withDetail) trace.pairs.push(describePair(tokenA, tokenB));
      mask |= 1 << j;
      i += 1;
    } else {
      trace.hasWordMatch = true;
      const isMergeB = code < 200;
      const second = (isMergeB ? b[j + 1] : a[i + 1]) as NameToken;
      if (withDetail) trace.pairs.push(describeMerge(tokenA, tokenB, second, isMergeB));
      mask |= isMergeB ? (1 << j) | (1 << (j + 1)) : 1 << j;
      i += isMergeB ? 1 : 2;
    }
  }
  if (withDetail) {
    b.forEach((token, j) => {
      if ((mask & (1 << j)) === 0) trace.unmatched.push(tokenLabel(token));
    });
  }
  return trace;
}

function describeMerge(tokenA: NameToken, tokenB: NameToken, second: NameToken, isMergeB: boolean): AlignedPair {
  const left = isMergeB ? tokenA.key : `${tokenA.key} ${second.key}`;
  const right = isMergeB ? `${tokenB.key} ${second.key}` : tokenB.key;
  const similarity = jaroWinkler(left.replace(' ', ''), right.replace(' ', ''));
  return { left, right, similarity, reason: 'merged' };
}

function totalWeight(tokens: NameToken[]): number {
  let total = 0;
  for (const token of tokens) total += weightOf(token);
  return total;
}

/**
 * Compares two parsed names; symmetric. `withDetail` adds the aligned pairs for explanations;
 * `cache` memoises token similarities across the comparisons of one query.
 */
export function compareNames(
  left: PreparedName,
  right: PreparedName,
  withDetail = false,
  cache?: TokenSimilarityCache,
): NameComparison {
  const [a, b] = left.tokens.length >= right.tokens.length ? [left.tokens, right.tokens] : [right.tokens, left.tokens];
  if (a.length === 0 || b.length === 0) return { similarity: 0, pairs: [], unmatched: [] };
  const problem = buildProblem(a, b, cache);
  const gain = solve(problem);
  const trace = traceAlignment(problem, withDetail);
  let similarity = Math.min(1, gain / (totalWeight(a) + totalWeight(b)));
  if (!trace.hasWordMatch) similarity = Math.min(similarity, NO_WORD_CEILING);
  return { similarity, pairs: trace.pairs, unmatched: trace.unmatched };
}

/** Best comparison over all name pairs of two entities, with the indices of the winning names. */
export function compareNameLists(
  left: PreparedName[],
  right: PreparedName[],
  withDetail = false,
  cache?: TokenSimilarityCache,
): { comparison: NameComparison; leftIndex: number; rightIndex: number } {
  let result = {
    comparison: { similarity: 0, pairs: [], unmatched: [] } as NameComparison,
    leftIndex: 0,
    rightIndex: 0,
  };
  for (let i = 0; i < left.length; i += 1) {
    for (let j = 0; j < right.length; j += 1) {
      const comparison = compareNames(left[i] as PreparedName, right[j] as PreparedName, false, cache);
      if (comparison.similarity > result.comparison.similarity) result = { comparison, leftIndex: i, rightIndex: j };
    }
  }
  if (withDetail && result.comparison.similarity > 0) {
    const bestLeft = left[result.leftIndex] as PreparedName;
    const detail = compareNames(bestLeft, right[result.rightIndex] as PreparedName, true, cache);
    result = { ...result, comparison: detail };
  }
  return result;
}

export { MIN_TOKEN_SIMILARITY };
