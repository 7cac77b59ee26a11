import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './encoding.js';
import { MerkleAccumulator } from './merkle-accumulator.js';
import { consistencyProof, emptyTreeRoot, hashLeaf, inclusionProof, treeRoot, type Hash } from './merkle-tree.js';
import { consistencyProofRanges, inclusionProofRanges } from './proof-ranges.js';
import { RangeRootCollector } from './streaming-proof.js';

const LEAVES: Hash[] = Array.from({ length: 1100 }, (_, i) => hashLeaf(Uint8Array.of(i % 256, i >> 8)));

function accumulate(leaves: readonly Hash[]): MerkleAccumulator {
  const accumulator = new MerkleAccumulator();
  for (const leaf of leaves) accumulator.append(leaf);
  return accumulator;
}

describe('MerkleAccumulator', () => {
  it('starts at the empty-tree root', () => {
    expect(toHex(new MerkleAccumulator().root())).toBe(toHex(emptyTreeRoot()));
  });

  it('equals the recursive tree hash after every append up to 300', () => {
    const accumulator = new MerkleAccumulator();
    for (let n = 1; n <= 300; n += 1) {
      accumulator.append(LEAVES[n - 1] as Hash);
      expect(toHex(accumulator.root()), `size ${n}`).toBe(toHex(treeRoot(LEAVES, n)));
    }
  });

  it('equals the recursive tree hash for random sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LEAVES.length }), (size) => {
        const accumulator = accumulate(LEAVES.slice(0, size));
        expect(accumulator.size).toBe(size);
        expect(toHex(accumulator.root())).toBe(toHex(treeRoot(LEAVES, size)));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps one subtree root per set bit of the size', () => {
    expect(accumulate(LEAVES.slice(0, 1023)).snapshot().subtreeRoots).toHaveLength(10);
    expect(accumulate(LEAVES.slice(0, 1024)).snapshot().subtreeRoots).toHaveLength(1);
  });

  it('continues from a snapshot as if it had never stopped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), (a, b) => {
        const restored = MerkleAccumulator.fromSnapshot(accumulate(LEAVES.slice(0, a)).snapshot());
        for (const leaf of LEAVES.slice(a, a + b)) restored.append(leaf);
        expect(toHex(restored.root())).toBe(toHex(treeRoot(LEAVES, a + b)));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a snapshot that does not fit its size, and a leaf that is not a digest', () => {
    const snapshot = accumulate(LEAVES.slice(0, 5)).snapshot();
    expect(() => MerkleAccumulator.fromSnapshot({ ...snapshot, size: 7 })).toThrow(RangeError);
    expect(() => MerkleAccumulator.fromSnapshot({ size: 1, subtreeRoots: ['abcd'] })).toThrow();
    expect(() => new MerkleAccumulator().append(new Uint8Array(31))).toThrow(TypeError);
  });
});

describe('RangeRootCollector (streaming proofs)', () => {
  function collect(ranges: ReturnType<typeof inclusionProofRanges>, size: number): string[] {
    const collector = new RangeRootCollector(ranges);
    LEAVES.slice(0, size).forEach((leaf, index) => collector.add(index, leaf));
    return collector.roots().map(toHex);
  }

  it('builds the same inclusion proofs as the in-memory tree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1))),
        ([size, index]) => {
          const expected = inclusionProof(LEAVES, index, size).map(toHex);
          expect(collect(inclusionProofRanges(index, size), size)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('builds the same consistency proofs as the in-memory tree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }).chain((n) => fc.tuple(fc.nat(n), fc.constant(n))),
        ([m, n]) => {
          const expected = consistencyProof(LEAVES, m, n).map(toHex);
          expect(collect(consistencyProofRanges(m, n), n)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses to give roots for ranges the stream never completed', () => {
    const collector = new RangeRootCollector(inclusionProofRanges(0, 8));
    LEAVES.slice(0, 5).forEach((leaf, index) => collector.add(index, leaf));
    expect(() => collector.roots()).toThrow(RangeError);
  });
});
