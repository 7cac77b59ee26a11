import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin } from './edit-distance.js';

/** Unbounded optimal-string-alignment distance, the plain textbook table. */
function reference(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (table[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

describe('editDistanceWithin', () => {
  it('counts substitutions, insertions, deletions and transpositions as one edit', () => {
    expect(editDistanceWithin('jong', 'jonk', 2)).toBe(1);
    expect(editDistanceWithin('smit', 'smits', 2)).toBe(1);
    expect(editDistanceWithin('mulder', 'mudler', 2)).toBe(1);
    expect(editDistanceWithin('baker', 'bakr', 2)).toBe(1);
    expect(editDistanceWithin('vries', 'vos', 5)).toBe(3);
    expect(editDistanceWithin('', 'abc', 5)).toBe(3);
  });

  it('answers bound + 1 beyond the bound', () => {
    expect(editDistanceWithin('vries', 'vos', 1)).toBe(2);
    expect(editDistanceWithin('berg', 'bergman', 2)).toBe(3);
    expect(editDistanceWithin('devries', 'devos', 0)).toBe(1);
  });

  it('agrees with the textbook table within the bound and is symmetric', () => {
    const word = fc.stringMatching(/^[a-f]{0,9}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, bound) => {
        const expected = Math.min(reference(a, b), bound + 1);
        expect(editDistanceWithin(a, b, bound)).toBe(expected);
        expect(editDistanceWithin(b, a, bound)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
