import { describe, expect, it } from 'vitest';
import { runGraphBench } from './bench.js';

describe('runGraphBench', () => {
  it('reports sizes and latencies for a small graph', () => {
    const result = runGraphBench({ nodes: 2_000, edgesPerNode: 4, seed: 1, queries: 50 });
    expect(result.nodes).toBe(2_000);
    expect(result.edges).toBeGreaterThan(7_900);
    expect(result.bytes).toBeGreaterThan(2_000 * 22);
    expect(result.threeHopP99Ms).toBeGreaterThanOrEqual(result.threeHopP50Ms);
    expect(result.nearestFlaggedP50Ms).toBeGreaterThanOrEqual(0);
  });
});
