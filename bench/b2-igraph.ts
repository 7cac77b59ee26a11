/**
 * B2 peer: python-igraph (Debian's python3-igraph) in a subprocess, on the edge list
 * written by the graph engine's writeEdgeList; the script times the same queries itself.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeEdgeList } from '../server/src/modules/entities/graph/edge-list.js';
import type { B2Peer, B2Run } from './b2-peer.js';
import { WARMUP } from './b2-peer.js';
import { summarise } from './stats.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./igraph-peer.py', import.meta.url));
/** Debian's interpreter first: a pyenv python on PATH does not see python3-igraph. */
const PYTHONS = ['/usr/bin/python3', 'python3'];

interface IgraphOutput {
  igraph: string;
  load_ns: number;
  memory_bytes: number;
  reach_strategy: string;
  reach_p50_ns: Record<string, number>;
  set_only_p50_ns: number;
  strategies_disagree: number;
  levels: number[][];
  digests: number[];
  reach_ns: number[];
  nearest_strategy: string;
  nearest_p50_ns: Record<string, number>;
  distance: number[];
  paths: number[][];
  nearest_ns: number[];
}

const STRATEGY: Record<string, string> = {
  'bfs-order': 'neighborhood(order=3) split into distances by neighbors() and neighborhood_size(order=2)',
  'per-level': 'neighborhood(order=k, mindist=k) per distance',
  bfsiter: 'bfsiter(advanced=True), stopping at the first flagged node',
};

const ms = (ns: number): string => (ns / 1e6).toFixed(3);
/** Key of igraph's cheapest 3-hop call's p50 in the row's extra (a lower bound for igraph). */
const SET_ONLY_P50 = '3-hop set-only neighborhood(order=3) p50 ms (no distances)';

async function findPython(): Promise<string> {
  for (const python of PYTHONS) {
    try {
      await run(python, ['-c', 'import igraph']);
      return python;
    } catch {
      // try the next one
    }
  }
  throw new Error('python3 with igraph not found (apt-get install -y python3-igraph)');
}

export const igraphPeer: B2Peer = {
  name: 'igraph',
  what: 'the faster of two igraph idioms per query (see strategy)',
  timing:
    "in the Python process (perf_counter_ns): the Python call into igraph's C code, which allocates and clears " +
    'a mark per node on every neighborhood() call, and the answer as Python lists; the digest for the ' +
    'comparison is computed after the clock stops; loading the edge list is not included',
  async run(data, { budgetMs, workDir }): Promise<B2Run> {
    const python = await findPython();
    const edges = join(workDir, 'edges.txt');
    const job = join(workDir, 'igraph-job.json');
    await writeEdgeList(data.graph, edges);
    const budget = Number.isFinite(budgetMs) ? budgetMs : 3_600_000;
    writeFileSync(
      job,
      JSON.stringify({ queries: data.queries, flagged: data.flagged, warmup: WARMUP, budget_ms: budget }),
    );
    const { stdout } = await run(python, [SCRIPT, edges, String(data.graph.nodeCount), job], {
      maxBuffer: 1 << 30,
    });
    const out = JSON.parse(stdout) as IgraphOutput;
    if (out.strategies_disagree > 0)
      throw new Error(`igraph's own 3-hop strategies disagree on ${out.strategies_disagree} queries`);
    const others = (p50s: Record<string, number>, chosen: string): string =>
      Object.entries(p50s)
        .filter(([name]) => name !== chosen)
        .map(([name, ns]) => `${name} ${ms(ns)} ms`)
        .join(', ');
    return {
      buildMs: out.load_ns / 1e6,
      memoryBytes: out.memory_bytes,
      memoryNote: `python peak RSS growth while loading the edge list (igraph ${out.igraph})`,
      threeHop: summarise(out.reach_ns.map((ns) => ns / 1e6)),
      nearest: summarise(out.nearest_ns.map((ns) => ns / 1e6)),
      answers: { levels: out.levels, digests: out.digests, distance: out.distance, paths: out.paths },
      extra: {
        '3-hop strategy': STRATEGY[out.reach_strategy] ?? out.reach_strategy,
        '3-hop other p50': others(out.reach_p50_ns, out.reach_strategy),
        [SET_ONLY_P50]: Math.round(out.set_only_p50_ns / 1e3) / 1e3,
        'nearest strategy': STRATEGY[out.nearest_strategy] ?? out.nearest_strategy,
        'nearest other p50': others(out.nearest_p50_ns, out.nearest_strategy),
      },
    };
  },
};

/** igraph's p50 for the 3-hop set without distances (its cheapest call), in ms, from a row's extra. */
export function igraphSetOnlyP50Ms(extra: Record<string, string | number> | undefined): number | undefined {
  const value = extra?.[SET_ONLY_P50];
  return typeof value === 'number' ? value : undefined;
}
