/** B1 peer: Weerbaar's in-memory candidate index and scorer. */
import { buildIndex } from '../server/src/modules/screening/engine/candidate-index.js';
import { DEFAULT_MATCH_THRESHOLD, queryIndex } from '../server/src/modules/screening/engine/candidate-query.js';
import { serialiseIndex } from '../server/src/modules/screening/engine/index-snapshot.js';
import type { B1Peer } from './b1-peer.js';
import { retainedBytes } from './stats.js';

export const weerbaarMatcher: B1Peer = {
  name: 'weerbaar',
  what: 'typed-array index, Dutch-aware scorer',
  // Weerbaar's own default: each peer's precision is counted at its own default threshold.
  threshold: DEFAULT_MATCH_THRESHOLD,
  async build({ records }) {
    const before = retainedBytes();
    const index = buildIndex(records);
    const memoryBytes = retainedBytes() - before;
    return {
      memoryBytes,
      memoryNote: 'V8 heap + buffers retained by the index',
      extra: { snapshotMb: Math.round(serialiseIndex(index).byteLength / 1e5) / 10 },
      query: ({ example }) => queryIndex(index, example, { limit: 10 }).map(({ id, score }) => ({ id, score })),
      close: async () => undefined,
    };
  },
};
