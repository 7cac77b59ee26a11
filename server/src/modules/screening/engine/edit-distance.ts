/**
 * Bounded Damerau-Levenshtein distance (optimal string alignment: substitution, insertion,
 * deletion and adjacent transposition each cost one). It only has to answer "within k
 * edits?" for short names, so it stops as soon as a row exceeds the bound and reuses
 * module-level rows, like the Jaro-Winkler code beside it.
 */

const MAX_LENGTH = 64;
let before = new Int32Array(MAX_LENGTH + 1);
let previous = new Int32Array(MAX_LENGTH + 1);
let current = new Int32Array(MAX_LENGTH + 1);

/**
 * The edit distance of `x` and `y` when it is at most `bound`; otherwise `bound + 1`.
 * Symmetric in its arguments.
 */
export function editDistanceWithin(x: string, y: string, bound: number): number {
  if (x === y) return 0;
  const over = bound + 1;
  if (Math.abs(x.length - y.length) > bound) return over;
  if (x.length > MAX_LENGTH || y.length > MAX_LENGTH) return over;
  const [a, b] = x.length <= y.length ? [x, y] : [y, x];
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const codeA = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const codeB = b.charCodeAt(j - 1);
      const cost = codeA === codeB ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && codeA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === codeB) {
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > bound) return over;
    [before, previous, current] = [previous, current, before];
  }
  const distance = previous[b.length] ?? over;
  return distance > bound ? over : distance;
}
