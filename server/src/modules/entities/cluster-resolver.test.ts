import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latestDecisions, resolveClusters, type PairDecision } from './cluster-resolver.js';
import type { MatchDecisionValue } from './entities.table.js';

let n = 0;
const decide = (left: string, right: string, decision: MatchDecisionValue, at: string): PairDecision => ({
  id: `d${String(++n).padStart(4, '0')}`,
  left,
  right,
  decision,
  at,
});

describe('resolveClusters', () => {
  it('joins "same" pairs transitively under the smallest key', () => {
    const clusters = resolveClusters([
      decide('d/c', 'd/b', 'same', '1'),
      decide('d/b', 'd/a', 'same', '2'),
      decide('d/x', 'd/y', 'different', '3'),
    ]);
    expect(clusters.canonicalOf('d/c')).toBe('d/a');
    expect(clusters.membersOf('d/b')).toEqual(['d/a', 'd/b', 'd/c']);
    expect(clusters.canonicalOf('d/x')).toBe('d/x');
    expect(clusters.membersOf('d/unknown')).toEqual(['d/unknown']);
  });

  it('lets the latest decision on a pair count, in either orientation', () => {
    const decisions = [decide('d/a', 'd/b', 'same', '2026-01-01'), decide('d/b', 'd/a', 'different', '2026-02-01')];
    expect(resolveClusters(decisions).canonicalOf('d/b')).toBe('d/b');
    expect(latestDecisions(decisions).size).toBe(1);
    const reversed = [decide('d/b', 'd/a', 'unsure', '2026-01-01'), decide('d/a', 'd/b', 'same', '2026-03-01')];
    expect(resolveClusters(reversed).canonicalOf('d/b')).toBe('d/a');
  });

  it('does not depend on the order decisions are read in', () => {
    const key = fc.constantFrom('d/a', 'd/b', 'd/c', 'd/d', 'e/a', 'e/b', 'e/c');
    const decision = fc.record({
      id: fc.uuid(),
      left: key,
      right: key,
      decision: fc.constantFrom<MatchDecisionValue>('same', 'different', 'unsure'),
      at: fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03'),
    });
    const decisionsAndShuffle = fc
      .array(decision, { maxLength: 30 })
      .chain((ds) =>
        fc.tuple(fc.constant(ds), fc.shuffledSubarray(ds, { minLength: ds.length, maxLength: ds.length })),
      );
    fc.assert(
      fc.property(decisionsAndShuffle, ([decisions, shuffled]) => {
        const a = resolveClusters(decisions);
        const b = resolveClusters(shuffled);
        for (const k of ['d/a', 'd/b', 'd/c', 'd/d', 'e/a', 'e/b', 'e/c']) {
          expect(b.canonicalOf(k)).toBe(a.canonicalOf(k));
          expect(b.membersOf(k)).toEqual(a.membersOf(k));
          // The canonical key is the smallest member.
          expect(a.canonicalOf(k)).toBe(a.membersOf(k)[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
