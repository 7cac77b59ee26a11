/** What every B1 peer provides: build on the register's persons, answer one query top-10. */
import type { BenchQuery } from './register-data.js';
import type { PeerRow } from './peer-normalise.js';
import type { EntityRecord } from '../server/src/modules/screening/engine/types.js';

export interface ScoredId {
  id: string;
  score: number;
}

export interface B1Input {
  records: EntityRecord[];
  rows: PeerRow[];
  databaseUrl: string;
}

export interface BuiltPeer {
  /** Memory held by the peer, measured its own way (see memoryNote). */
  memoryBytes: number;
  memoryNote: string;
  query(query: BenchQuery): ScoredId[] | Promise<ScoredId[]>;
  close(): Promise<void>;
  extra?: Record<string, number | string>;
}

export interface B1Peer {
  name: string;
  what: string;
  /** Default score threshold for precision. */
  threshold: number;
  build(input: B1Input): Promise<BuiltPeer>;
}
