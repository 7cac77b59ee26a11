// Forged proofs: every way of bending a genuine proof must fail verification. The verifier is
// given the (size, root) pair a signed checkpoint would carry, since that is all it trusts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  hashLeaf,
  inclusionProof,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle-tree.js';

const MAX_SIZE = 200;
const LEAVES: Hash[] = Array.from({ length: MAX_SIZE + 2 }, (_, i) => hashLeaf(new TextEncoder().encode(`entry ${i}`)));
const ROOTS: Hash[] = Array.from({ length: MAX_SIZE + 2 }, (_, n) => treeRoot(LEAVES, n));
const rootOf = (n: number): Hash => ROOTS[n] as Hash;

type Forgery =
  | { kind: 'flip'; element: number; byte: number; bit: number }
  | { kind: 'drop-first' }
  | { kind: 'drop-last' }
  | { kind: 'append'; extra: Uint8Array }
  | { kind: 'prepend'; extra: Uint8Array }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'replace'; element: number; with: Uint8Array };

const hash32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const forgery: fc.Arbitrary<Forgery> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    element: fc.nat(),
    byte: fc.nat(31),
    bit: fc.nat(7),
  }),
  fc.record({ kind: fc.constant('drop-first' as const) }),
  fc.record({ kind: fc.constant('drop-last' as const) }),
  fc.record({ kind: fc.constant('append' as const), extra: hash32 }),
  fc.record({ kind: fc.constant('prepend' as const), extra: hash32 }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), element: fc.nat(), with: hash32 }),
);

/** Applies a forgery; undefined when it does not apply (e.g. swapping in a one-element proof). */
function forge(proof: readonly Hash[], change: Forgery): Hash[] | undefined {
  const forged: Hash[] = proof.map((element) => new Uint8Array(element));
  const at = (n: number): number => n % forged.length;
  switch (change.kind) {
    case 'flip': {
      if (forged.length === 0) return undefined;
      const element = forged[at(change.element)] as Uint8Array;
      element[change.byte] = (element[change.byte] ?? 0) ^ (1 << change.bit);
      return forged;
    }
    case 'drop-first':
      return forged.length === 0 ? undefined : forged.slice(1);
    case 'drop-last':
      return forged.length === 0 ? undefined : forged.slice(0, -1);
    case 'append':
      return [...forged, change.extra];
    case 'prepend':
      return [change.extra, ...forged];
    case 'swap': {
      if (forged.length < 2 || at(change.a) === at(change.b)) return undefined;
      const [a, b] = [forged[at(change.a)] as Hash, forged[at(change.b)] as Hash];
      forged[at(change.a)] = b;
      forged[at(change.b)] = a;
      return forged;
    }
    case 'replace':
      if (forged.length === 0) return undefined;
      forged[at(change.element)] = change.with;
      return forged;
  }
}

const sizeAndIndex = fc
  .integer({ min: 1, max: MAX_SIZE })
  .chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1)));
const oldAndNewSize = fc
  .integer({ min: 2, max: MAX_SIZE })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));

describe('forged inclusion proofs', () => {
  it('rejects any altered audit path', () => {
    fc.assert(
      fc.property(sizeAndIndex, forgery, ([size, index], change) => {
        const forged = forge(inclusionProof(LEAVES, index, size), change);
        fc.pre(forged !== undefined);
        expect(verifyInclusion(LEAVES[index] as Hash, index, size, forged, rootOf(size))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a genuine path claimed for another index or another checkpoint size', () => {
    fc.assert(
      fc.property(
        sizeAndIndex,
        fc.nat(MAX_SIZE),
        fc.integer({ min: 1, max: MAX_SIZE }),
        ([size, index], otherIndex, otherSize) => {
          const proof = inclusionProof(LEAVES, index, size);
          const leaf = LEAVES[index] as Hash;
          if (otherIndex !== index) {
            expect(verifyInclusion(leaf, otherIndex, size, proof, rootOf(size))).toBe(false);
          }
          if (otherSize !== size) {
            expect(verifyInclusion(leaf, index, otherSize, proof, rootOf(otherSize))).toBe(false);
          }
          expect(verifyInclusion(LEAVES[index + 1] as Hash, index, size, proof, rootOf(size))).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('forged consistency proofs', () => {
  it('rejects any altered proof', () => {
    fc.assert(
      fc.property(oldAndNewSize, forgery, ([m, n], change) => {
        const forged = forge(consistencyProof(LEAVES, m, n), change);
        fc.pre(forged !== undefined);
        expect(verifyConsistency(m, n, rootOf(m), rootOf(n), forged)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects a genuine proof claimed for other sizes', () => {
    fc.assert(
      fc.property(
        oldAndNewSize,
        fc.integer({ min: 1, max: MAX_SIZE }),
        fc.integer({ min: 1, max: MAX_SIZE }),
        ([m, n], otherM, otherN) => {
          const proof = consistencyProof(LEAVES, m, n);
          if (otherM !== m && otherM <= n) {
            expect(verifyConsistency(otherM, n, rootOf(otherM), rootOf(n), proof)).toBe(false);
          }
          if (otherN !== n && otherN >= m) {
            expect(verifyConsistency(m, otherN, rootOf(m), rootOf(otherN), proof)).toBe(false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
