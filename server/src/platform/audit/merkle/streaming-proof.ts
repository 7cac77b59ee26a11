// Builds proof elements during one pass over a log: the proof's leaf ranges are known from the
// sizes alone and are disjoint, so each range gets its own small accumulator while its leaves
// stream by. Memory stays O(log n) however long the log is.

import { MerkleAccumulator } from './merkle-accumulator.js';
import type { Hash } from './merkle-tree.js';
import type { LeafRange } from './proof-ranges.js';

/** Collects MTH(D[start:end]) for each planned range from leaves fed in index order. */
export class RangeRootCollector {
  readonly #ranges: readonly LeafRange[];
  readonly #roots: (Hash | undefined)[];
  readonly #byStart: number[];
  #cursor = 0;
  #current: MerkleAccumulator | undefined;

  constructor(ranges: readonly LeafRange[]) {
    this.#ranges = ranges;
    this.#roots = ranges.map(() => undefined);
    this.#byStart = ranges.map((_, i) => i).sort((a, b) => this.#startOf(a) - this.#startOf(b));
  }

  #startOf(rangeIndex: number): number {
    return this.#ranges[rangeIndex]?.start ?? 0;
  }

  /** Feeds the leaf at `index`; leaves must arrive in increasing index order. */
  add(index: number, leafHash: Hash): void {
    const rangeIndex = this.#byStart[this.#cursor];
    const range = rangeIndex === undefined ? undefined : this.#ranges[rangeIndex];
    if (rangeIndex === undefined || range === undefined || index < range.start) return;
    this.#current ??= new MerkleAccumulator();
    this.#current.append(leafHash);
    if (index === range.end - 1) {
      this.#roots[rangeIndex] = this.#current.root();
      this.#current = undefined;
      this.#cursor += 1;
    }
  }

  /** The range roots in plan order; throws when the stream ended before a range was complete. */
  roots(): Hash[] {
    return this.#roots.map((root, i) => {
      if (root === undefined) throw new RangeError(`proof range ${i} was not fully seen`);
      return root;
    });
  }
}
