/**
 * B1 peer: DuckDB in memory, a full scan computing Jaro-Winkler on the normalised name
 * for every person, ranked by the shared peer score (see peer-normalise.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { B1Peer } from './b1-peer.js';
import { DEFAULT_THRESHOLD, peerParams, peerScoreSql } from './peer-normalise.js';
import type { PeerRow } from './peer-normalise.js';

const COLUMNS = ['id', 'name', 'birth_date', 'postcode', 'house_number', 'address_key'] as const;

function rowValues(row: PeerRow): string[] {
  return [row.id, row.name, row.birthDate, row.postcode, row.houseNumber, row.addressKey];
}

export const duckdbPeer: B1Peer = {
  name: 'duckdb',
  what: 'full-scan jaro_winkler_similarity',
  threshold: DEFAULT_THRESHOLD,
  async build({ rows }) {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`create table persons (${COLUMNS.map((c) => `${c} varchar`).join(', ')})`);
    const appender = await connection.createAppender('persons');
    for (const row of rows) {
      for (const value of rowValues(row)) appender.appendVarchar(value);
      appender.endRow();
    }
    appender.closeSync();
    const memory = await connection.runAndReadAll('select sum(memory_usage_bytes)::bigint from duckdb_memory()');
    const threads = await connection.runAndReadAll("select current_setting('threads')");
    const score = peerScoreSql('jaro_winkler_similarity(name, $1)', (n) => `$${n}`);
    const statement = await connection.prepare(
      `select id, score from (select id, ${score} as score from persons) order by score desc, id limit 10`,
    );
    return {
      memoryBytes: Number(memory.getRowsJS()[0]?.[0] ?? 0),
      memoryNote: 'duckdb_memory() after loading',
      extra: { threads: String(threads.getRowsJS()[0]?.[0] ?? '') },
      query: async ({ peer }) => {
        statement.bind(peerParams(peer));
        const result = await statement.runAndReadAll();
        return result.getRowsJS().map(([id, value]) => ({ id: String(id), score: Number(value) }));
      },
      close: async () => {
        statement.destroySync();
        connection.closeSync();
        instance.closeSync();
      },
    };
  },
};
