/**
 * Jaro-Winkler similarity. Reuses module-level flag buffers because it runs in the
 * hot path (hundreds of token pairs per query) and names are short.
 */

const MAX_LENGTH = 64;
const matchedA = new Uint8Array(MAX_LENGTH);
const matchedB = new Uint8Array(MAX_LENGTH);

function jaro(a: string, b: string): number {
  const lengthA = Math.min(a.length, MAX_LENGTH);
  const lengthB = Math.min(b.length, MAX_LENGTH);
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  matchedA.fill(0, 0, lengthA);
  matchedB.fill(0, 0, lengthB);
  let matches = 0;
  for (let i = 0; i < lengthA; i += 1) {
    const from = Math.max(0, i - window);
    const to = Math.min(lengthB - 1, i + window);
    const code = a.charCodeAt(i);
    for (let j = from; j <= to; j += 1) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches += 1;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i += 1) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k += 1;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions += 1;
    k += 1;
  }
  const m = matches;
  return (m / lengthA + m / lengthB + (m - transpositions / 2) / m) / 3;
}

/**
 * Jaro-Winkler similarity in [0,1]. Arguments are ordered first so that the result is
 * exactly symmetric (greedy matching can differ by argument order in rare cases).
 */
export function jaroWinkler(x: string, y: string): number {
  if (x === y) return x.length === 0 ? 0 : 1;
  const [a, b] = x < y ? [x, y] : [y, x];
  const similarity = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix += 1;
  return similarity + prefix * 0.1 * (1 - similarity);
}

function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i += 1) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/** Characters of `text` whose letter class occurs in `mask` (an upper bound on Jaro matches). */
function countIn(text: string, mask: number): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) if ((mask & (1 << (text.charCodeAt(i) & 31))) !== 0) count += 1;
  return count;
}

/**
 * `jaroWinkler(x, y)` when it is at least `floor`; otherwise some value below `floor`
 * (0), often without running Jaro: every matched character of one string occurs in the
 * other, which bounds the matches, and Jaro-Winkler rises with Jaro for a given prefix.
 */
export function jaroWinklerAtLeast(x: string, y: string, floor: number): number {
  if (x === y || x.length > MAX_LENGTH || y.length > MAX_LENGTH) return jaroWinkler(x, y);
  if (x.length === 0 || y.length === 0) return 0;
  const matches = Math.min(countIn(x, letterMask(y)), countIn(y, letterMask(x)));
  if (matches === 0) return 0;
  const jaroBound = (matches / x.length + matches / y.length + 1) / 3;
  let prefix = 0;
  const limit = Math.min(4, x.length, y.length);
  while (prefix < limit && x.charCodeAt(prefix) === y.charCodeAt(prefix)) prefix += 1;
  // The margin keeps rounding in the bound from ever hiding a value at the floor.
  if (jaroBound + prefix * 0.1 * (1 - jaroBound) < floor - 1e-9) return 0;
  return jaroWinkler(x, y);
}
