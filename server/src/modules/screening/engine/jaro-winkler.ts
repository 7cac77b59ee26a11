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
