/**
 * Binary snapshots of a dataset's engines (matcher index and graph), named by dataset and
 * content version, so a restart maps typed arrays instead of re-reading every entity. A small
 * JSON sidecar records what the snapshot covers (watermark, flagging topics, row count), so a
 * later version can be reached by an update from it instead of a full build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadIndex, serialiseIndex } from './engine/index-snapshot.js';
import type { CandidateIndex } from './engine/candidate-index.js';
import { loadGraph, writeGraphSnapshot } from '../entities/graph/snapshot.js';
import type { EntityGraph } from '../entities/graph/graph.types.js';
import type { Logger } from '../../platform/logger.js';
import type { BuiltEngines, EngineMeta } from './engine-build.js';

export type DatasetEngines = { index: CandidateIndex; graph: EntityGraph };

const INDEX = '.wbix';
const GRAPH = '.wbgr';
const META = '.json';

const files = (dir: string, datasetId: string, version: string) => ({
  index: path.join(dir, `${datasetId}-${version}${INDEX}`),
  graph: path.join(dir, `${datasetId}-${version}${GRAPH}`),
  meta: path.join(dir, `${datasetId}-${version}${META}`),
});

function parseMeta(text: string): EngineMeta | null {
  const value = JSON.parse(text) as Partial<EngineMeta>;
  const { watermark, isComplete, flaggedTopics, entityCount, datasetUpdatedAt } = value;
  if (typeof watermark !== 'string' || !Array.isArray(flaggedTopics) || typeof entityCount !== 'number') return null;
  return {
    watermark,
    isComplete: isComplete === true,
    flaggedTopics: flaggedTopics.map(String),
    entityCount,
    // Sidecars written before it was recorded: no moment to compare with.
    datasetUpdatedAt: typeof datasetUpdatedAt === 'string' ? datasetUpdatedAt : '',
  };
}

async function readVersion(dir: string, datasetId: string, version: string): Promise<BuiltEngines> {
  const f = files(dir, datasetId, version);
  const [index, graph, meta] = await Promise.all([
    fs.readFile(f.index),
    fs.readFile(f.graph),
    fs.readFile(f.meta, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    }),
  ]);
  // Snapshots written before the sidecar existed still load; they cannot be updated from.
  const covered = meta === null ? null : parseMeta(meta);
  return {
    engines: { index: loadIndex(index), graph: loadGraph(graph) },
    meta: covered ?? { watermark: '', isComplete: false, flaggedTopics: [], entityCount: -1, datasetUpdatedAt: '' },
  };
}

function warnUnlessMissing(error: unknown, logger: Logger, datasetId: string): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT') logger.warn({ err: error, datasetId }, 'screening snapshot unreadable; rebuilding');
}

/** The engines of this dataset version from disk, or null when there is no (sound) snapshot. */
export async function readSnapshots(
  dir: string,
  datasetId: string,
  version: string,
  logger: Logger,
): Promise<BuiltEngines | null> {
  try {
    return await readVersion(dir, datasetId, version);
  } catch (error) {
    warnUnlessMissing(error, logger, datasetId);
    return null;
  }
}

/** The dataset's snapshot of whatever version is on disk (older versions are dropped on write), or null. */
export async function readLatestSnapshots(
  dir: string,
  datasetId: string,
  logger: Logger,
): Promise<BuiltEngines | null> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return null;
  }
  const prefix = `${datasetId}-`;
  const name = names.find((n) => n.startsWith(prefix) && n.endsWith(INDEX));
  return name ? readSnapshots(dir, datasetId, name.slice(prefix.length, -INDEX.length), logger) : null;
}

/** Writes both snapshots and the sidecar (via a temporary name, so a reader never sees half a file) and drops older versions. */
export async function writeSnapshots(
  dir: string,
  datasetId: string,
  version: string,
  built: BuiltEngines,
  logger: Logger,
): Promise<void> {
  const f = files(dir, datasetId, version);
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(`${f.index}.tmp`, serialiseIndex(built.engines.index));
    await writeGraphSnapshot(built.engines.graph, `${f.graph}.tmp`);
    await fs.writeFile(`${f.meta}.tmp`, JSON.stringify(built.meta));
    await fs.rename(`${f.index}.tmp`, f.index);
    await fs.rename(`${f.graph}.tmp`, f.graph);
    await fs.rename(`${f.meta}.tmp`, f.meta);
    const keep = new Set([f.index, f.graph, f.meta].map((p) => path.basename(p)));
    for (const name of await fs.readdir(dir)) {
      if (name.startsWith(`${datasetId}-`) && !keep.has(name)) await fs.rm(path.join(dir, name), { force: true });
    }
  } catch (error) {
    logger.warn({ err: error, datasetId }, 'screening snapshot not written; the engines stay in memory');
  }
}
