// An append-only compact range: the roots of the perfect subtrees that make up a tree of the
// current size, one per set bit of the size, largest (leftmost) first. Appending merges equal
// sized subtrees like a binary counter carries, O(log n) hashes; the RFC 9162 root is the right
// fold of the stack, because MTH splits off the largest power of two first. The app can keep
// one of these (or its snapshot) to know the running root without rereading the log.

import { fromHex, toHex } from './encoding.js';
import { emptyTreeRoot, hashChildren, isHash, type Hash } from './merkle-tree.js';
import { isTreeNumber } from './proof-ranges.js';

/** Persistable state of a MerkleAccumulator: the size and its subtree roots (hex). */
export type AccumulatorSnapshot = {
  readonly size: number;
  readonly subtreeRoots: readonly string[];
};

function countSetBits(n: number): number {
  let count = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/** Incremental RFC 9162 tree root over appended leaf hashes. */
export class MerkleAccumulator {
  #size = 0;
  readonly #subtreeRoots: Hash[] = [];

  /** Restores an accumulator saved with snapshot(); throws when the state is malformed. */
  static fromSnapshot(snapshot: AccumulatorSnapshot): MerkleAccumulator {
    const { size, subtreeRoots } = snapshot;
    if (!isTreeNumber(size) || subtreeRoots.length !== countSetBits(size)) {
      throw new RangeError('accumulator snapshot does not match its size');
    }
    const accumulator = new MerkleAccumulator();
    for (const hex of subtreeRoots) {
      const root = fromHex(hex);
      if (!isHash(root)) throw new RangeError('accumulator snapshot holds a non-digest');
      accumulator.#subtreeRoots.push(root);
    }
    accumulator.#size = size;
    return accumulator;
  }

  /** Number of leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** Appends one leaf hash in O(log n). */
  append(leafHash: Hash): void {
    if (!isHash(leafHash)) throw new TypeError('a leaf hash must be a 32-byte digest');
    let node = leafHash;
    // Each trailing 1 bit of the old size is a subtree as large as the carry; merge them.
    for (let rest = this.#size; rest % 2 === 1; rest = Math.floor(rest / 2)) {
      const left = this.#subtreeRoots.pop();
      if (left === undefined) throw new Error('accumulator state is corrupt');
      node = hashChildren(left, node);
    }
    this.#subtreeRoots.push(node);
    this.#size += 1;
  }

  /** The RFC 9162 root of all leaves appended so far, O(log n). */
  root(): Hash {
    let root: Hash | undefined;
    for (let i = this.#subtreeRoots.length - 1; i >= 0; i -= 1) {
      const subtree = this.#subtreeRoots[i];
      if (subtree === undefined) continue;
      root = root === undefined ? subtree : hashChildren(subtree, root);
    }
    return root ?? emptyTreeRoot();
  }

  /** State to persist and later pass to fromSnapshot(). */
  snapshot(): AccumulatorSnapshot {
    return { size: this.#size, subtreeRoots: this.#subtreeRoots.map(toHex) };
  }
}
