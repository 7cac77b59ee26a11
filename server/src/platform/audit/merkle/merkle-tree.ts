// RFC 9162 §2.1 Merkle tree hashing with SHA-256, inclusion proofs (§2.1.3) and consistency
// proofs (§2.1.4). Proof generation follows the recursive definitions (through the range plans
// in proof-ranges.ts); verification follows the iterative bit algorithms of §2.1.3.2 and
// §2.1.4.2, so the two halves are independent implementations that check each other in tests.
//
// Verifiers never throw on hostile input: any malformed argument simply fails verification.

import { createHash, timingSafeEqual } from 'node:crypto';
import {
  consistencyProofRanges,
  inclusionProofRanges,
  isPowerOfTwo,
  isTreeNumber,
  largestPowerOfTwoBelow,
  type LeafRange,
} from './proof-ranges.js';

/** A SHA-256 digest: a leaf hash, an interior node hash or a tree root. */
export type Hash = Uint8Array;

/** Bytes in a SHA-256 digest. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

function sha256(...parts: Uint8Array[]): Hash {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
}

/** MTH({}) = SHA-256 of the empty string, the root of a log with no entries. */
export function emptyTreeRoot(): Hash {
  return sha256();
}

/** Leaf hash MTH({d}) = SHA-256(0x00 || d). */
export function hashLeaf(data: Uint8Array): Hash {
  return sha256(LEAF_PREFIX, data);
}

/** Interior node hash SHA-256(0x01 || left || right). */
export function hashChildren(left: Hash, right: Hash): Hash {
  return sha256(NODE_PREFIX, left, right);
}

/** True when a value is a byte string of digest length. */
export function isHash(value: unknown): value is Hash {
  return value instanceof Uint8Array && value.byteLength === HASH_SIZE;
}

/** Equality of two digests (constant time; false for anything that is not a digest). */
export function isSameHash(a: Hash, b: Hash): boolean {
  return isHash(a) && isHash(b) && timingSafeEqual(a, b);
}

/** MTH of leafHashes[start:end]; recursion depth is log2 of the range, work is linear. */
function rangeRoot(leafHashes: readonly Hash[], start: number, end: number): Hash {
  const size = end - start;
  if (size === 0) return emptyTreeRoot();
  if (size === 1) return leafHashes[start] ?? failMissingLeaf(start);
  const split = start + largestPowerOfTwoBelow(size);
  return hashChildren(rangeRoot(leafHashes, start, split), rangeRoot(leafHashes, split, end));
}

function failMissingLeaf(index: number): never {
  throw new RangeError(`leaf ${index} is missing`);
}

function rangeRoots(leafHashes: readonly Hash[], ranges: readonly LeafRange[]): Hash[] {
  return ranges.map((range) => rangeRoot(leafHashes, range.start, range.end));
}

function assertTreeSize(leafHashes: readonly Hash[], treeSize: number): void {
  if (!isTreeNumber(treeSize) || treeSize > leafHashes.length) {
    throw new RangeError(`tree size ${treeSize} is not within the ${leafHashes.length} leaves`);
  }
}

/** The Merkle Tree Hash of the first treeSize leaf hashes (default: all of them). */
export function treeRoot(leafHashes: readonly Hash[], treeSize = leafHashes.length): Hash {
  assertTreeSize(leafHashes, treeSize);
  return rangeRoot(leafHashes, 0, treeSize);
}

/** Audit path for leaf `index` in the tree of the first `treeSize` leaves (RFC 9162 §2.1.3.1). */
export function inclusionProof(leafHashes: readonly Hash[], index: number, treeSize = leafHashes.length): Hash[] {
  assertTreeSize(leafHashes, treeSize);
  return rangeRoots(leafHashes, inclusionProofRanges(index, treeSize));
}

/** Consistency proof from the tree of the first m leaves to that of the first n (§2.1.4.1). */
export function consistencyProof(leafHashes: readonly Hash[], m: number, n: number): Hash[] {
  assertTreeSize(leafHashes, n);
  return rangeRoots(leafHashes, consistencyProofRanges(m, n));
}

/** Halves fn and sn while fn is even and non-zero: climbs past levels where fn is a left child with no right sibling. */
function shiftWhileEven(counters: { fn: number; sn: number }): void {
  while (counters.fn !== 0 && counters.fn % 2 === 0) {
    counters.fn /= 2;
    counters.sn = Math.floor(counters.sn / 2);
  }
}

/** Verifies an inclusion proof by the algorithm of RFC 9162 §2.1.3.2. */
export function verifyInclusion(
  leafHash: Hash,
  index: number,
  treeSize: number,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  if (!isTreeNumber(index) || !isTreeNumber(treeSize) || index >= treeSize) return false;
  if (!isHash(leafHash) || !isHash(root) || !proof.every(isHash)) return false;
  const counters = { fn: index, sn: treeSize - 1 };
  let r = leafHash;
  for (const p of proof) {
    if (counters.sn === 0) return false;
    if (counters.fn % 2 === 1 || counters.fn === counters.sn) {
      r = hashChildren(p, r);
      if (counters.fn % 2 === 0) shiftWhileEven(counters);
    } else {
      r = hashChildren(r, p);
    }
    counters.fn = Math.floor(counters.fn / 2);
    counters.sn = Math.floor(counters.sn / 2);
  }
  return counters.sn === 0 && isSameHash(r, root);
}

/**
 * Verifies a consistency proof by RFC 9162 §2.1.4.2. The RFC covers 0 < m < n; we also accept
 * m = n (empty proof, equal roots) and m = 0 (empty proof, rootM is the empty-tree root),
 * because every tree extends itself and the empty tree.
 */
export function verifyConsistency(m: number, n: number, rootM: Hash, rootN: Hash, proof: readonly Hash[]): boolean {
  if (!isTreeNumber(m) || !isTreeNumber(n) || m > n) return false;
  if (!isHash(rootM) || !isHash(rootN) || !proof.every(isHash)) return false;
  if (m === n) return proof.length === 0 && isSameHash(rootM, rootN);
  if (m === 0) return proof.length === 0 && isSameHash(rootM, emptyTreeRoot());
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(m) ? [rootM, ...proof] : [...proof];
  const counters = { fn: m - 1, sn: n - 1 };
  while (counters.fn % 2 === 1) {
    counters.fn = Math.floor(counters.fn / 2);
    counters.sn = Math.floor(counters.sn / 2);
  }
  const [first, ...rest] = path;
  if (first === undefined) return false;
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (counters.sn === 0) return false;
    if (counters.fn % 2 === 1 || counters.fn === counters.sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (counters.fn % 2 === 0) shiftWhileEven(counters);
    } else {
      sr = hashChildren(sr, c);
    }
    counters.fn = Math.floor(counters.fn / 2);
    counters.sn = Math.floor(counters.sn / 2);
  }
  return counters.sn === 0 && isSameHash(fr, rootM) && isSameHash(sr, rootN);
}
