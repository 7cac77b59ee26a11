/**
 * B4 load: restart from snapshot (matcher index + entity graph of the register, saved and
 * loaded from disk) and FtM import speed through the real import service.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGraphSnapshot, writeGraphSnapshot } from '../server/src/modules/entities/graph/snapshot.js';
import type { EntityGraph } from '../server/src/modules/entities/graph/graph.types.js';
import { buildIndex } from '../server/src/modules/screening/engine/candidate-index.js';
import { queryIndex } from '../server/src/modules/screening/engine/candidate-query.js';
import { loadIndex, serialiseIndex } from '../server/src/modules/screening/engine/index-snapshot.js';
import { runImportBench } from './b4-import.js';
import type { ImportBench } from './b4-import.js';
import type { BenchOptions } from './options.js';
import type { RegisterData } from './register-data.js';
import type { BenchmarkResult, PeerResult } from './results.js';
import { checkTarget, skippedPeer } from './results.js';
import { elapsedMs } from './stats.js';

async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { value, ms: elapsedMs(start) };
}

async function snapshotRows(data: RegisterData, graph: EntityGraph, dir: string, failures: string[]) {
  const built = await timed(() => buildIndex(data.records));
  const indexFile = join(dir, 'matcher.wbix');
  const saveIndex = await timed(() => writeFileSync(indexFile, serialiseIndex(built.value)));
  const loadedIndex = await timed(() => loadIndex(readFileSync(indexFile)));
  const graphFile = join(dir, 'graph.snapshot');
  const saveGraph = await timed(() => writeGraphSnapshot(graph, graphFile));
  const loadedGraph = await timed(() => readGraphSnapshot(graphFile));
  const probe = { schema: 'Person' as const, names: data.records[0]?.names ?? [] };
  const [before, after] = [built.value, loadedIndex.value].map((index) => queryIndex(index, probe)[0]?.id);
  if (before !== after) failures.push(`B4 matcher snapshot answers differently after loading (${before} vs ${after})`);
  if (loadedGraph.value.nodeCount !== graph.nodeCount) failures.push('B4 graph snapshot lost nodes');
  const mb = (file: string): number => Math.round(statSync(file).size / 1e5) / 10;
  const row = (peer: string, what: string, extra: Record<string, number>): PeerResult => ({
    peer,
    what,
    status: 'ok',
    extra,
  });
  return {
    restartMs: loadedIndex.ms + loadedGraph.ms,
    rows: [
      row('matcher index', 'buildIndex, serialise + write, read + loadIndex', {
        buildMs: Math.round(built.ms),
        saveMs: Math.round(saveIndex.ms),
        loadMs: Math.round(loadedIndex.ms),
        fileMb: mb(indexFile),
      }),
      row('entity graph', 'writeGraphSnapshot, readGraphSnapshot', {
        saveMs: Math.round(saveGraph.ms),
        loadMs: Math.round(loadedGraph.ms),
        fileMb: mb(graphFile),
        nodes: graph.nodeCount,
        edges: graph.edgeCount,
      }),
    ],
  };
}

/** Runs B4 on the register loaded for the run (its graph was built from FtM in the same pass). */
export async function runB4(data: RegisterData, options: BenchOptions): Promise<BenchmarkResult> {
  const failures: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-b4-'));
  try {
    if (!data.graph) throw new Error('B4 needs the register graph');
    const snapshot = await snapshotRows(data, data.graph, dir, failures);
    const restartRow: PeerResult = {
      peer: 'restart',
      what: 'load matcher + graph snapshots from disk',
      status: 'ok',
      extra: { ms: Math.round(snapshot.restartMs), entities: data.entities },
    };
    const imported = await runImportBench(options, dir).catch((error: unknown): ImportBench => ({
      rows: [{ ...skippedPeer('FtM import', 'runImportFtm', error), status: 'failed' }],
      entities: 0,
      notes: [],
      failures: [`B4 import failed: ${String(error)}`],
    }));
    failures.push(...imported.failures);
    const atScale = data.entities >= 1_000_000;
    return {
      name: 'B4',
      title: 'Load: restart from snapshot, FtM import',
      size: { entities: data.entities, persons: data.records.length, importEntities: imported.entities },
      peers: [...snapshot.rows, restartRow, ...imported.rows],
      checks: [
        checkTarget(
          'restart from snapshot <= 5 s (1M entities)',
          snapshot.restartMs / 1000,
          5,
          'max',
          (s) => `${s.toFixed(2)} s`,
          atScale,
        ),
        checkTarget(
          'FtM import >= 100 MB/s (SQLite)',
          imported.mbPerSecond,
          100,
          'min',
          (n) => `${n.toFixed(1)} MB/s`,
          true,
        ),
      ],
      notes: [
        'Restart = reading both snapshot files and mapping them (typed-array views, no re-parse); the page cache is warm.',
        ...imported.notes,
      ],
      failures,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
