/**
 * B1 peer: minisearch, fuzzy full-text search on the normalised name. Its scores are
 * unbounded, so the name similarity is the score relative to the best hit; the 50 best
 * name hits are re-ranked with the shared birth date and address score.
 */
import MiniSearch from 'minisearch';
import type { B1Peer } from './b1-peer.js';
import { DEFAULT_THRESHOLD, peerScore } from './peer-normalise.js';
import { retainedBytes } from './stats.js';

const CANDIDATES = 50;

interface NameDocument {
  i: number;
  name: string;
}

export const minisearchPeer: B1Peer = {
  name: 'minisearch',
  what: 'fuzzy 0.2, top 50 names re-ranked',
  threshold: DEFAULT_THRESHOLD,
  async build({ rows }) {
    const before = retainedBytes();
    const search = new MiniSearch<NameDocument>({ idField: 'i', fields: ['name'], storeFields: [] });
    search.addAll(rows.map((row, i) => ({ i, name: row.name })));
    const memoryBytes = retainedBytes() - before;
    return {
      memoryBytes,
      memoryNote: 'V8 heap retained by the index',
      query: ({ peer }) => {
        const hits = search.search(peer.name, { fuzzy: 0.2, combineWith: 'OR' }).slice(0, CANDIDATES);
        const best = hits[0]?.score ?? 1;
        return hits
          .map((hit) => {
            const row = rows[hit.id as number]!;
            return { id: row.id, score: peerScore(hit.score / best, row, peer) };
          })
          .sort((a, b) => b.score - a.score)
          .slice(0, 10);
      },
      close: async () => undefined,
    };
  },
};
