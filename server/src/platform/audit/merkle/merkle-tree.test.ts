import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  emptyTreeRoot,
  hashLeaf,
  inclusionProof,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from './merkle-tree.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return new Uint8Array(hash.digest());
};
const leafData = (i: number): Uint8Array => new TextEncoder().encode(`leaf ${i}`);
const leavesOf = (n: number): Hash[] => Array.from({ length: n }, (_, i) => hashLeaf(leafData(i)));
// One spare leaf so the size-64 tests can compare against the checkpoint at size 65.
const LEAVES = leavesOf(65);

describe('tree hashing (RFC 9162 §2.1)', () => {
  it('gives the empty tree the SHA-256 of the empty string', () => {
    expect(hex(emptyTreeRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(treeRoot([]))).toBe(hex(emptyTreeRoot()));
  });

  it('hashes a one-leaf tree as SHA-256(0x00 || data)', () => {
    const data = new TextEncoder().encode('audit event');
    const expected = sha256(Uint8Array.of(0), data);
    expect(hex(treeRoot([hashLeaf(data)]))).toBe(hex(expected));
  });

  it('hashes a seven-leaf tree as the definition splits it: (4 (2 1))', () => {
    const l = Array.from({ length: 7 }, (_, i) => sha256(Uint8Array.of(0), leafData(i)));
    const node = (a: Uint8Array, b: Uint8Array): Uint8Array => sha256(Uint8Array.of(1), a, b);
    const [l0, l1, l2, l3, l4, l5, l6] = l as [Hash, Hash, Hash, Hash, Hash, Hash, Hash];
    const expected = node(node(node(l0, l1), node(l2, l3)), node(node(l4, l5), l6));
    expect(hex(treeRoot(leavesOf(7)))).toBe(hex(expected));
  });

  it('matches the published RFC 6962 reference roots for sizes 1 to 8', () => {
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657'];
    data.push('606162636465666768696a6b6c6d6e6f');
    const leaves = data.map((d) => hashLeaf(Buffer.from(d, 'hex')));
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    roots.forEach((root, i) => expect(hex(treeRoot(leaves, i + 1))).toBe(root));
  });

  it('gives every tree size its own root', () => {
    const roots = new Set(Array.from({ length: 65 }, (_, n) => hex(treeRoot(LEAVES, n))));
    expect(roots.size).toBe(65);
  });
});

describe('inclusion proofs (RFC 9162 §2.1.3)', () => {
  it('verifies every leaf in every tree up to size 64', () => {
    for (let size = 1; size <= 64; size += 1) {
      const root = treeRoot(LEAVES, size);
      for (let index = 0; index < size; index += 1) {
        const proof = inclusionProof(LEAVES, index, size);
        const leaf = LEAVES[index] as Hash;
        expect(verifyInclusion(leaf, index, size, proof, root), `${index}/${size}`).toBe(true);
        // The same proof must not pass for a neighbouring leaf, nor for the next checkpoint.
        if (index + 1 < size) expect(verifyInclusion(leaf, index + 1, size, proof, root)).toBe(false);
        const nextRoot = treeRoot(LEAVES, size + 1);
        expect(verifyInclusion(leaf, index, size + 1, proof, nextRoot)).toBe(false);
      }
    }
  });

  it('has an audit path of the expected length', () => {
    expect(inclusionProof(LEAVES, 0, 1)).toHaveLength(0);
    expect(inclusionProof(LEAVES, 6, 7)).toHaveLength(2);
    expect(inclusionProof(LEAVES, 0, 7)).toHaveLength(3);
    expect(inclusionProof(LEAVES, 63, 64)).toHaveLength(6);
  });

  it('refuses to prove a leaf outside the tree', () => {
    expect(() => inclusionProof(LEAVES, 5, 5)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, -1, 5)).toThrow(RangeError);
    expect(() => inclusionProof(LEAVES, 0, 66)).toThrow(RangeError);
  });

  it('rejects malformed verification input without throwing', () => {
    const root = treeRoot(LEAVES, 8);
    const proof = inclusionProof(LEAVES, 3, 8);
    const leaf = LEAVES[3] as Hash;
    expect(verifyInclusion(leaf, 3, 8, proof, root)).toBe(true);
    expect(verifyInclusion(leaf, 8, 8, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 3.5, 8, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, -1, 8, proof, root)).toBe(false);
    expect(verifyInclusion(leaf.subarray(1), 3, 8, proof, root)).toBe(false);
    expect(verifyInclusion(leaf, 3, 8, [...proof.slice(0, 2), new Uint8Array(31)], root)).toBe(false);
    expect(verifyInclusion(leaf, 0, 0, [], emptyTreeRoot())).toBe(false);
  });
});

describe('consistency proofs (RFC 9162 §2.1.4)', () => {
  it('verifies every pair of sizes up to 64', () => {
    for (let n = 0; n <= 64; n += 1) {
      const rootN = treeRoot(LEAVES, n);
      for (let m = 0; m <= n; m += 1) {
        const rootM = treeRoot(LEAVES, m);
        const proof = consistencyProof(LEAVES, m, n);
        expect(verifyConsistency(m, n, rootM, rootN, proof), `${m}->${n}`).toBe(true);
        if (m > 0 && m < n) {
          // Swapped roots, or a checkpoint one size further on, must break it.
          expect(verifyConsistency(m, n, rootN, rootM, proof)).toBe(false);
          expect(verifyConsistency(m, n + 1, rootM, treeRoot(LEAVES, n + 1), proof)).toBe(false);
        }
      }
    }
  });

  it('accepts m = n and m = 0 only with an empty proof and the right roots', () => {
    const root = treeRoot(LEAVES, 9);
    expect(verifyConsistency(9, 9, root, root, [])).toBe(true);
    expect(verifyConsistency(9, 9, root, root, [root])).toBe(false);
    expect(verifyConsistency(9, 9, root, treeRoot(LEAVES, 8), [])).toBe(false);
    expect(verifyConsistency(0, 9, emptyTreeRoot(), root, [])).toBe(true);
    expect(verifyConsistency(0, 9, root, root, [])).toBe(false);
  });

  it('rejects a proof for a shrinking log and an empty proof when one is needed', () => {
    const rootA = treeRoot(LEAVES, 5);
    const rootB = treeRoot(LEAVES, 9);
    expect(verifyConsistency(9, 5, rootB, rootA, consistencyProof(LEAVES, 5, 9))).toBe(false);
    expect(verifyConsistency(5, 9, rootA, rootB, [])).toBe(false);
    expect(() => consistencyProof(LEAVES, 9, 5)).toThrow(RangeError);
  });

  it('rejects a proof between two logs that diverge', () => {
    const rewritten = [...LEAVES];
    rewritten[2] = hashLeaf(new TextEncoder().encode('rewritten'));
    for (let m = 3; m <= 20; m += 1) {
      const proof = consistencyProof(rewritten, m, 40);
      expect(verifyConsistency(m, 40, treeRoot(LEAVES, m), treeRoot(rewritten, 40), proof)).toBe(false);
    }
  });
});
