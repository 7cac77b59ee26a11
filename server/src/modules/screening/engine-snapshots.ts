/**
 * Binary snapshots of a dataset's engines (matcher index and graph), named by dataset and
 * content version, so a restart maps typed arrays instead of re-reading every entity.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadIndex, serialiseIndex } from './engine/index-snapshot.js';
import type { CandidateIndex } from './engine/candidate-index.js';
import { loadGraph, writeGraphSnapshot } from '../entities/graph/snapshot.js';
import type { EntityGraph } from '../entities/graph/graph.types.js';
import type { Logger } from '../../platform/logger.js';

export type DatasetEngines = { index: CandidateIndex; graph: EntityGraph };

const files = (dir: string, datasetId: string, version: string) => ({
  index: path.join(dir, `${datasetId}-${version}.wbix`),
  graph: path.join(dir, `${datasetId}-${version}.wbgr`),
});

/** The engines of this dataset version from disk, or null when there is no (sound) snapshot. */
export async function readSnapshots(
  dir: string,
  datasetId: string,
  version: string,
  logger: Logger,
): Promise<DatasetEngines | null> {
  const f = files(dir, datasetId, version);
  try {
    const [index, graph] = await Promise.all([fs.readFile(f.index), fs.readFile(f.graph)]);
    return { index: loadIndex(index), graph: loadGraph(graph) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') logger.warn({ err: error, datasetId }, 'screening snapshot unreadable; rebuilding');
    return null;
  }
}

/** Writes both snapshots (via a temporary name, so a reader never sees half a file) and drops older versions. */
export async function writeSnapshots(
  dir: string,
  datasetId: string,
  version: string,
  engines: DatasetEngines,
  logger: Logger,
): Promise<void> {
  const f = files(dir, datasetId, version);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(`${f.index}.tmp`, serialiseIndex(engines.index));
    await writeGraphSnapshot(engines.graph, `${f.graph}.tmp`);
    await fs.rename(`${f.index}.tmp`, f.index);
    await fs.rename(`${f.graph}.tmp`, f.graph);
    const keep = new Set([path.basename(f.index), path.basename(f.graph)]);
    for (const name of await fs.readdir(dir)) {
      if (name.startsWith(`${datasetId}-`) && !keep.has(name)) await fs.rm(path.join(dir, name), { force: true });
    }
  } catch (error) {
    logger.warn({ err: error, datasetId }, 'screening snapshot not written; the engines stay in memory');
  }
}
