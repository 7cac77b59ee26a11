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
  reach: number[];
  reach_ns: number[];
  distance: number[];
  paths: number[][];
  nearest_ns: number[];
}

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
  what: 'neighborhood(order=3) / per-level neighborhood + get_shortest_paths',
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
    return {
      buildMs: out.load_ns / 1e6,
      memoryBytes: out.memory_bytes,
      memoryNote: `python peak RSS growth while loading and querying (igraph ${out.igraph})`,
      threeHop: summarise(out.reach_ns.map((ns) => ns / 1e6)),
      nearest: summarise(out.nearest_ns.map((ns) => ns / 1e6)),
      answers: { reach: out.reach, distance: out.distance, paths: out.paths },
    };
  },
};
