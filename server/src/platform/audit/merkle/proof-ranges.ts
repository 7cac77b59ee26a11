// Which subtrees an RFC 9162 proof consists of, computed from the sizes alone.
//
// Every proof element is MTH(D[start:end]) for some leaf range. Knowing the ranges up front lets
// the same plan serve an in-memory leaf array and a single streaming pass over a large log
// (the ranges are disjoint, so each can be hashed as its leaves go by).
//
// Sizes and indexes are plain numbers; arithmetic avoids 32-bit bitwise operators so logs past
// 2^31 entries stay correct.

/** A half-open range of leaf indexes, [start, end). */
export type LeafRange = { readonly start: number; readonly end: number };

/** The largest power of two strictly smaller than n (n > 1), the RFC 9162 split point k. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** True for 1, 2, 4, 8, ... */
export function isPowerOfTwo(n: number): boolean {
  if (!Number.isSafeInteger(n) || n < 1) return false;
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}

/** True when n is a whole number usable as a tree size or index. */
export function isTreeNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/**
 * Ranges of PATH(index, D[0:treeSize]) (RFC 9162 §2.1.3.1), ordered from the leaf's sibling up
 * to the root's child, which is the order of the audit path.
 */
export function inclusionProofRanges(index: number, treeSize: number): LeafRange[] {
  if (!isTreeNumber(index) || !isTreeNumber(treeSize) || index >= treeSize) {
    throw new RangeError(`no leaf ${index} in a tree of size ${treeSize}`);
  }
  const topDown: LeafRange[] = [];
  let start = 0;
  let end = treeSize;
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (index < split) {
      topDown.push({ start: split, end });
      end = split;
    } else {
      topDown.push({ start, end: split });
      start = split;
    }
  }
  return topDown.reverse();
}

/**
 * Ranges of PROOF(oldSize, D[0:newSize]) = SUBPROOF(oldSize, D[0:newSize], true)
 * (RFC 9162 §2.1.4.1), in proof order. Empty when oldSize is 0 or equals newSize.
 */
export function consistencyProofRanges(oldSize: number, newSize: number): LeafRange[] {
  if (!isTreeNumber(oldSize) || !isTreeNumber(newSize) || oldSize > newSize) {
    throw new RangeError(`no consistency proof from size ${oldSize} to size ${newSize}`);
  }
  if (oldSize === 0 || oldSize === newSize) return [];
  const topDown: LeafRange[] = [];
  let start = 0;
  let end = newSize;
  // b in the RFC: true while the old tree is still a left-edge subtree of the current one,
  // in which case the verifier already knows its hash (the old root) and it is left out.
  let isOldRootKnown = true;
  while (oldSize !== end) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (oldSize <= split) {
      topDown.push({ start: split, end });
      end = split;
    } else {
      topDown.push({ start, end: split });
      start = split;
      isOldRootKnown = false;
    }
  }
  if (!isOldRootKnown) topDown.push({ start, end });
  return topDown.reverse();
}
