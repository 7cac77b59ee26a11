/**
 * B1 peers: PostgreSQL pg_trgm on a normalised name column, ranked by the shared peer
 * score (name similarity + birth date + address, see peer-normalise.ts).
 *  - GIN: `name % $1` (similarity above pg_trgm's default 0.3) through a GIN index.
 *  - GiST: the 100 nearest names by `<->` (GiST's k-nearest-neighbour scan), re-ranked.
 * Memory is the table plus its index as PostgreSQL stores them (shared buffers are the
 * server's, not this process's).
 */
import type pg from 'pg';
import type { B1Input, B1Peer, BuiltPeer } from './b1-peer.js';
import { DEFAULT_THRESHOLD, peerParams, peerScoreSql } from './peer-normalise.js';
import type { PeerRow } from './peer-normalise.js';
import { connectBench, insertColumns, relationBytes } from './postgres.js';
import { elapsedMs } from './stats.js';

const TABLE = 'bench_persons';
const COLUMNS: { name: string; type: 'text' }[] = [
  'id',
  'name',
  'birth_date',
  'postcode',
  'house_number',
  'address_key',
].map((name) => ({ name, type: 'text' }));

function valueAt(rows: PeerRow[]): (row: number, column: number) => string {
  return (row, column) => {
    const r = rows[row]!;
    return [r.id, r.name, r.birthDate, r.postcode, r.houseNumber, r.addressKey][column] ?? '';
  };
}

async function loadTable(client: pg.Client, rows: PeerRow[]): Promise<void> {
  await client.query(`drop table if exists ${TABLE}`);
  await client.query(`create table ${TABLE} (${COLUMNS.map((c) => `${c.name} text not null`).join(', ')})`);
  await insertColumns(client, TABLE, COLUMNS, rows.length, valueAt(rows));
}

const SCORE = peerScoreSql('similarity(name, $1)', (n) => `$${n}`);
const GIN_SQL = `select id, score from (select id, ${SCORE} as score from ${TABLE} where name % $1) c
  order by score desc, id limit 10`;
const GIST_SQL = `select id, score from (select id, ${SCORE} as score from
  (select * from ${TABLE} order by name <-> $1 limit 100) k) c order by score desc, id limit 10`;

function pgTrgmPeer(kind: 'gin' | 'gist'): B1Peer {
  return {
    name: `pg_trgm ${kind.toUpperCase()}`,
    what: kind === 'gin' ? 'name % q (threshold 0.3), GIN' : 'k-NN name <-> q (100), GiST',
    threshold: DEFAULT_THRESHOLD,
    async build({ rows, databaseUrl }: B1Input): Promise<BuiltPeer> {
      const client = await connectBench(databaseUrl);
      const loadStart = process.hrtime.bigint();
      await loadTable(client, rows);
      const indexStart = process.hrtime.bigint();
      await client.query(`create index on ${TABLE} using ${kind} (name ${kind}_trgm_ops)`);
      await client.query(`analyze ${TABLE}`);
      const sql = kind === 'gin' ? GIN_SQL : GIST_SQL;
      return {
        memoryBytes: await relationBytes(client, TABLE),
        memoryNote: 'pg_total_relation_size (table + index)',
        extra: {
          loadMs: Math.round(elapsedMs(loadStart) - elapsedMs(indexStart)),
          indexMs: Math.round(elapsedMs(indexStart)),
        },
        query: async ({ peer }) => {
          const result = await client.query<{ id: string; score: string }>({
            name: `b1-${kind}`,
            text: sql,
            values: peerParams(peer),
          });
          return result.rows.map((row) => ({ id: row.id, score: Number(row.score) }));
        },
        close: async () => {
          await client.query(`drop table if exists ${TABLE}`);
          await client.end();
        },
      };
    },
  };
}

export const pgTrgmGin = pgTrgmPeer('gin');
export const pgTrgmGist = pgTrgmPeer('gist');
