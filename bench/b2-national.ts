/**
 * B2 at national scale (`--scale nl`, not in CI): a synthetic register of ~17.5M nodes /
 * 25M edges built straight into the typed-array graph, its memory (typed-array bytes, and
 * the process's RSS and heap growth), build time and query latencies. Peers are not run.
 */
import { findNode, isFlagged, nodeIdAt } from '../server/src/modules/entities/graph/graph-access.js';
import type { EntityGraph } from '../server/src/modules/entities/graph/graph.types.js';
import { buildNationalGraph } from '../server/src/modules/entities/graph/national-graph.js';
import { mulberry32 } from '../server/src/modules/entities/graph/bench.js';
import { graphBytes } from '../server/src/modules/entities/graph/snapshot.js';
import { workspaceBytes } from '../server/src/modules/entities/graph/traversal.js';
import { GB, memoryCheck, NEAREST, THREE_HOP } from './b2-compare.js';
import { nearestQuery, threeHopQuery, WEERBAAR_TIMING } from './b2-weerbaar.js';
import type { WeerbaarMode } from './b2-weerbaar.js';
import type { BenchOptions } from './options.js';
import type { BenchmarkResult, PeerResult } from './results.js';
import { checkTarget, skippedPeer } from './results.js';
import { collectGarbage, elapsedMs, MB, peakRssBytes, summarise } from './stats.js';

const SKIPPED =
  'skipped at --scale nl: peers run at --nodes 1000000. At this size igraph would parse a 25M-line edge ' +
  'list, PostgreSQL load 50M edge rows, and graphology cannot hold the graph at all (a Map per graph, ' +
  'and V8 Maps stop at 2^24 = 16.7M entries)';

const PEERS = [
  ['igraph', 'python-igraph'],
  ['graphology', 'graphology UndirectedGraph'],
  ['postgres', 'recursive CTE'],
] as const;

const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/** Bytes of the graph's parts, for the report. */
function parts(graph: EntityGraph): Record<string, number> {
  const sum = (...arrays: ArrayBufferView[]): number => arrays.reduce((n, a) => n + a.byteLength, 0);
  return {
    'node ids (UTF-8 + offsets)': sum(graph.nodeIds.bytes, graph.nodeIds.offsets),
    'id hash index': sum(graph.idIndex),
    'node schema/flags/date': sum(graph.nodeSchema, graph.nodeFlags, graph.nodeDate),
    'CSR out + in': sum(graph.outStart, graph.outTarget, graph.inStart, graph.inSource),
    'edge type/role + attribute bitmap': sum(graph.edgeTypeRole, graph.attrBits, graph.attrRank),
    'edge dates + id offsets': sum(graph.attrStart, graph.attrEnd, graph.edgeIds.offsets),
    'edge id bytes': sum(graph.edgeIds.bytes),
  };
}

/** Looks every sampled node up by its id again: the id index must find all of them. */
function verifyIds(graph: EntityGraph, seed: number): number {
  const random = mulberry32(seed);
  const sample: number[] = [];
  for (let i = 0; i < 200_000; i++) sample.push(Math.floor(random() * graph.nodeCount));
  for (let i = 0; i < 1_000 && i < graph.nodeCount; i++) sample.push(i, graph.nodeCount - 1 - i);
  for (const node of sample) {
    const found = findNode(graph, nodeIdAt(graph, node));
    if (found !== node) throw new Error(`id index: ${nodeIdAt(graph, node)} found at ${found}, expected ${node}`);
  }
  for (const absent of ['p-1', 'x0', `p${graph.nodeCount * 10}`])
    if (findNode(graph, absent) >= 0) throw new Error(`id index finds absent id ${absent}`);
  return sample.length;
}

async function timeMode(
  graph: EntityGraph,
  queries: number[],
  mode: WeerbaarMode,
  memory: number,
  buildMs: number,
): Promise<PeerResult[]> {
  const reach = await threeHopQuery(graph, mode)(queries);
  const near = await nearestQuery(graph, mode)(queries);
  const sizes = reach.answers.map((a) => a.levels.reduce((n, l) => n + l, 0)).sort((a, b) => a - b);
  const found = near.answers.filter((a) => a.distance > 0).length;
  const common = {
    peer: mode === 'arrays' ? 'weerbaar' : `weerbaar ${mode}`,
    status: 'ok' as const,
    buildMs: Math.round(buildMs),
    memoryMb: mb(memory),
    memoryNote: 'graphBytes + query workspace (1 visit bit/node + answer-sized queue)',
  };
  const rows: PeerResult[] = [
    {
      ...common,
      what: THREE_HOP,
      latency: summarise(reach.times),
      extra: {
        timing: WEERBAAR_TIMING[mode],
        '3-hop answer nodes p50/p99/max': `${sizes[sizes.length >> 1]}/${sizes[Math.floor(sizes.length * 0.99)]}/${sizes[sizes.length - 1]}`,
        // The report prints the extras of a peer's first row only.
        'nearest: queries with a flagged node within 4 hops': `${found}/${near.answers.length}`,
      },
    },
    { ...common, what: NEAREST, latency: summarise(near.times) },
  ];
  return rows;
}

/** Runs B2 on the national-scale synthetic graph. */
export async function runB2National(options: BenchOptions): Promise<BenchmarkResult> {
  const queryCount = Math.min(options.queries, 1000);
  collectGarbage();
  const before = process.memoryUsage();
  const started = process.hrtime.bigint();
  let phaseStart = started;
  const national = buildNationalGraph({
    seed: options.seed,
    onProgress: (phase) => {
      const rss = Math.round(process.memoryUsage().rss / MB);
      process.stderr.write(
        `B2 nl: ${phase} (after ${Math.round(elapsedMs(phaseStart))} ms on the previous phase, RSS ${rss} MB)\n`,
      );
      phaseStart = process.hrtime.bigint();
    },
  });
  const buildMs = elapsedMs(started);
  const peakRss = peakRssBytes();
  const { graph } = national;
  collectGarbage();
  const after = process.memoryUsage();
  const bytes = graphBytes(graph);
  process.stderr.write(`B2 nl: ${graph.nodeCount} nodes, ${graph.edgeCount} edges in ${Math.round(buildMs)} ms\n`);
  const verified = verifyIds(graph, options.seed ^ 0x1d);
  const next = mulberry32(options.seed ^ 0xb2);
  const queries = Array.from({ length: queryCount }, () => Math.floor(next() * graph.nodeCount));
  let flagged = 0;
  for (let i = 0; i < graph.nodeCount; i++) if (isFlagged(graph, i)) flagged++;
  // Run the queries once to size the workspace, then time them (the memory column includes it).
  await threeHopQuery(graph, 'product')(queries.slice(0, 50));
  const rows: PeerResult[] = [];
  for (const mode of ['arrays', 'product'] as const) {
    process.stderr.write(`B2 nl: weerbaar ${mode}\n`);
    rows.push(...(await timeMode(graph, queries, mode, bytes + workspaceBytes(graph), buildMs)));
  }
  const workspace = workspaceBytes(graph);
  const extra: Record<string, string | number> = {
    'graph typed arrays MB': mb(bytes),
    ...Object.fromEntries(Object.entries(parts(graph)).map(([k, v]) => [`  ${k} MB`, mb(v)])),
    'query workspace MB (after the queries)': mb(workspace),
    'RSS growth MB (after build + GC)': mb(after.rss - before.rss),
    'heapUsed growth MB': mb(after.heapUsed - before.heapUsed),
    'external (ArrayBuffer) growth MB': mb(after.external - before.external),
    'peak RSS of the process MB (during build)': mb(peakRss),
    'ids looked up again': `${verified} of ${graph.nodeCount} (> 2^24 = 16,777,216 nodes: ${graph.nodeCount > 2 ** 24 ? 'yes' : 'no'})`,
    'edges per kind': Object.entries(national.edgesByKind)
      .map(([k, v]) => `${k} ${(v / 1e6).toFixed(2)}M`)
      .join(', '),
  };
  rows[0] = { ...rows[0]!, extra: { ...rows[0]!.extra, ...extra } };
  for (const [peer, what] of PEERS) rows.push(skippedPeer(peer, what, SKIPPED));
  const typed = rows.find((r) => r.peer === 'weerbaar' && r.what === THREE_HOP)?.latency;
  const ms = (n: number): string => `${n.toFixed(3)} ms`;
  return {
    name: 'B2',
    title: 'Network at national scale (--scale nl): memory, build, 3-hop and nearest flagged',
    size: {
      nodes: graph.nodeCount,
      edges: graph.edgeCount,
      persons: national.persons,
      addresses: national.addresses,
      companies: national.companies,
      flagged,
      queries: queryCount,
    },
    peers: rows,
    checks: [
      memoryCheck(bytes, true, 'graph typed arrays'),
      memoryCheck(bytes + workspace, true, 'typed arrays + query workspace'),
      memoryCheck(after.rss - before.rss, true, 'process RSS growth after build'),
      checkTarget(
        '3-hop p50 <= 0.2 ms, typed answer (target stated at 1M; here at NL scale)',
        typed?.p50Ms,
        0.2,
        'max',
        ms,
        true,
      ),
      checkTarget(
        '3-hop p99 <= 5 ms, typed answer (target stated at 1M; here at NL scale)',
        typed?.p99Ms,
        5,
        'max',
        ms,
        true,
      ),
    ],
    notes: [
      `Synthetic register: ${national.persons.toLocaleString('en')} persons, ${national.addresses.toLocaleString('en')} addresses, ${national.companies.toLocaleString('en')} companies; residence, postal and registered-office addresses (addressEntity, no id), directorships, ownerships and employment (short FtM ids, dated), family and associate ties (ids). Hubs: 400 business-centre addresses with ~900 companies each, 2,000 large residential buildings, skewed employers and professional directors.`,
      'Built through GraphBuilder.nodeIndex/setNode/addEdgeAt: no record object per node or edge, and no Map keyed by id (the id index is a typed-array hash table).',
      `1 GB = ${GB.toLocaleString('en')} bytes (MB = 2^20 bytes throughout). RSS and heap growth are measured after a forced GC, with the graph held; the peak RSS includes the builder's staging arrays.`,
      'Query rows are Weerbaar only: "weerbaar" expands hubs (as the compared rows at 1M do), "weerbaar product" uses the screening defaults.',
    ],
    failures: [],
  };
}
