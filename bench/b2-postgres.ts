/**
 * B2 peer: PostgreSQL recursive CTEs over an edge table holding both directions.
 * A CTE row is one BFS level (frontier and visited arrays), so a node is expanded once,
 * not once per path to it; the nearest-flagged CTE also keeps each level's parents and
 * stops at the first level holding a flagged node; the client traces the path back.
 */
import type pg from 'pg';
import type { B2Data, ReachDigest } from './b2-data.js';
import { reachDigest } from './b2-data.js';
import type { B2Peer, B2Run } from './b2-peer.js';
import { timeReduced, WARMUP } from './b2-peer.js';
import { connectBench, insertColumns, relationBytes } from './postgres.js';
import { elapsedMs, summarise } from './stats.js';

const NEW_NEIGHBOURS = `from unnest(b.FRONTIER) f(n) join bench_edges e on e.s = f.n
  left join unnest(b.visited) v(n) on v.n = e.t where v.n is null`;

const REACH_SQL = `with recursive bfs(depth, frontier, visited) as (
    select 0, array[$1::int], array[$1::int]
  union all
    select b.depth + 1, x.nxt, b.visited || x.nxt from bfs b cross join lateral (
      select array_agg(distinct e.t) as nxt ${NEW_NEIGHBOURS.replace('FRONTIER', 'frontier')}) x
    where b.depth < 3 and x.nxt is not null)
  select depth, frontier from bfs order by depth`;

const NEAREST_SQL = `with recursive bfs(depth, nodes, parents, visited, hit) as (
    select 0, array[$1::int], array[-1], array[$1::int], false
  union all
    select b.depth + 1, x.nodes, x.parents, b.visited || x.nodes, x.hit from bfs b cross join lateral (
      select array_agg(q.t order by q.t) as nodes, array_agg(q.p order by q.t) as parents,
        bool_or(exists (select 1 from bench_flagged fl where fl.n = q.t)) as hit
      from (select distinct on (e.t) e.t, e.s as p ${NEW_NEIGHBOURS.replace('FRONTIER', 'nodes')}
        order by e.t, e.s) q) x
    where b.depth < 4 and not b.hit and x.nodes is not null)
  select depth, nodes, parents,
    (select min(u.n) from unnest(nodes) u(n) join bench_flagged fl on fl.n = u.n) as target
  from bfs order by depth`;

interface FrontierRow {
  depth: number;
  frontier: number[];
}

/** The 3-hop answer from the rows: every frontier node with its depth. */
function reachOf(rows: FrontierRow[]): ReachDigest {
  const nodes: number[] = [];
  const depths: number[] = [];
  for (const row of rows) {
    for (const node of row.frontier) {
      nodes.push(node);
      depths.push(row.depth);
    }
  }
  return reachDigest(nodes, depths);
}

interface LevelRow {
  depth: number;
  nodes: number[];
  parents: number[];
  target: number | null;
}

async function load(client: pg.Client, data: B2Data): Promise<void> {
  const { graph } = data;
  await client.query('drop table if exists bench_edges; drop table if exists bench_flagged');
  await client.query('create table bench_edges (s int not null, t int not null)');
  await client.query('create table bench_flagged (n int primary key)');
  const sources = new Uint32Array(graph.edgeCount);
  for (let u = 0; u < graph.nodeCount; u++) sources.fill(u, graph.outStart[u]!, graph.outStart[u + 1]!);
  const columns: { name: string; type: 'int' }[] = [
    { name: 's', type: 'int' },
    { name: 't', type: 'int' },
  ];
  const end = (e: number, first: boolean): number => (first ? sources[e]! : graph.outTarget[e]!);
  await insertColumns(client, 'bench_edges', columns, graph.edgeCount, (e, c) => end(e, c === 0));
  await insertColumns(client, 'bench_edges', columns, graph.edgeCount, (e, c) => end(e, c === 1));
  await insertColumns(
    client,
    'bench_flagged',
    [{ name: 'n', type: 'int' }],
    data.flagged.length,
    (i) => data.flagged[i]!,
  );
  await client.query('create index on bench_edges (s, t)');
  await client.query('analyze bench_edges; analyze bench_flagged');
}

function tracePath(levels: LevelRow[]): { distance: number; path: number[] } {
  const last = levels[levels.length - 1];
  if (!last || last.target === null || last.depth === 0) return { distance: -1, path: [] };
  const path = [last.target];
  for (let d = last.depth; d > 0; d--) {
    const level = levels[d]!;
    path.push(level.parents[level.nodes.indexOf(path[path.length - 1]!)]!);
  }
  return { distance: last.depth, path: path.reverse() };
}

export const postgresGraphPeer: B2Peer = {
  name: 'postgres',
  what: 'recursive CTE, one row per BFS level',
  timing:
    'a round trip to PostgreSQL on localhost (prepared statement): the recursive CTE, and the frontier ' +
    'arrays per level (3-hop) or per-level nodes and parents (nearest) sent back and parsed by pg; ' +
    'nearest: the client walks the parents back to the start inside the timed span',
  async run(data, { budgetMs, databaseUrl }): Promise<B2Run> {
    const client = await connectBench(databaseUrl);
    try {
      const start = process.hrtime.bigint();
      await load(client, data);
      const buildMs = elapsedMs(start);
      const options = { warmup: WARMUP, budgetMs };
      const reach = await timeReduced(
        data.queries,
        async (node) => (await client.query<FrontierRow>({ name: 'b2-reach', text: REACH_SQL, values: [node] })).rows,
        reachOf,
        options,
      );
      const near = await timeReduced(
        data.queries,
        async (node) =>
          tracePath((await client.query<LevelRow>({ name: 'b2-near', text: NEAREST_SQL, values: [node] })).rows),
        (answer) => answer,
        options,
      );
      return {
        buildMs,
        memoryBytes: (await relationBytes(client, 'bench_edges')) + (await relationBytes(client, 'bench_flagged')),
        memoryNote: 'pg_total_relation_size (edges both ways + index)',
        threeHop: summarise(reach.times),
        nearest: summarise(near.times),
        answers: {
          levels: reach.answers.map((a) => a.levels),
          digests: reach.answers.map((a) => a.digest),
          distance: near.answers.map((a) => a.distance),
          paths: near.answers.map((a) => a.path),
        },
      };
    } finally {
      await client.query('drop table if exists bench_edges; drop table if exists bench_flagged');
      await client.end();
    }
  },
};
