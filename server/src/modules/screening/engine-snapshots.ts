/**
 * Binary snapshots of a dataset's engines (matcher index and graph), named by dataset and
 * content version, so a restart maps typed arrays instead of re-reading every entity. A small
 * JSON sidecar records what the snapshot covers (watermark, flagging topics, row count), so a
 * later version can be reached by an update from it instead of a full build.
 * The three files of a version live in one directory (`<dataset>-<version>/`), written under a
 * name of the writer's own and renamed whole: a reader never sees half a snapshot, and two
 * processes writing the same version at once (the server and `import ftm`) never mix their files.
 */
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { loadIndex, serialiseIndex } from './engine/index-snapshot.js';
import type { CandidateIndex } from './engine/candidate-index.js';
import { loadGraph, writeGraphSnapshot } from '../entities/graph/snapshot.js';
import type { EntityGraph } from '../entities/graph/graph.types.js';
import type { Logger } from '../../platform/logger.js';
import type { BuiltEngines, EngineMeta } from './engine-build.js';

export type DatasetEngines = { index: CandidateIndex; graph: EntityGraph };

const filesIn = (versionDir: string) => ({
  index: path.join(versionDir, 'matcher.wbix'),
  graph: path.join(versionDir, 'graph.wbgr'),
  meta: path.join(versionDir, 'covers.json'),
});
const versionDirName = (datasetId: string, version: string): string => `${datasetId}-${version}`;
const files = (dir: string, datasetId: string, version: string) =>
  filesIn(path.join(dir, versionDirName(datasetId, version)));

/** Writers' directories start with a dot; one left by a writer that died is removed after this. */
const ABANDONED_AFTER_MS = 3_600_000;

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
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const prefix = `${datasetId}-`;
  const found = entries.find((e) => e.isDirectory() && e.name.startsWith(prefix));
  return found ? readSnapshots(dir, datasetId, found.name.slice(prefix.length), logger) : null;
}

/** Removes the dataset's other versions, and writers' directories abandoned long ago. */
async function dropOthers(dir: string, datasetId: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith(`${datasetId}-`) && entry.name !== keep) {
      await fs.rm(full, { recursive: true, force: true });
    } else if (entry.name.startsWith(`.${datasetId}-`)) {
      const { mtimeMs } = await fs.stat(full).catch(() => ({ mtimeMs: now }));
      if (now - mtimeMs > ABANDONED_AFTER_MS) await fs.rm(full, { recursive: true, force: true });
    }
  }
}

/** Writes both snapshots and the sidecar as one directory renamed into place, and drops older versions. */
export async function writeSnapshots(
  dir: string,
  datasetId: string,
  version: string,
  built: BuiltEngines,
  logger: Logger,
): Promise<void> {
  const name = versionDirName(datasetId, version);
  const own = path.join(dir, `.${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await fs.mkdir(own, { recursive: true });
    const f = filesIn(own);
    await fs.writeFile(f.index, serialiseIndex(built.engines.index));
    await writeGraphSnapshot(built.engines.graph, f.graph);
    await fs.writeFile(f.meta, JSON.stringify(built.meta));
    try {
      await fs.rename(own, path.join(dir, name));
    } catch (error) {
      // Another process wrote this version first: its snapshot is as good as this one.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      await fs.rm(own, { recursive: true, force: true });
    }
    await dropOthers(dir, datasetId, name);
  } catch (error) {
    await fs.rm(own, { recursive: true, force: true }).catch(() => undefined);
    logger.warn({ err: error, datasetId }, 'screening snapshot not written; the engines stay in memory');
  }
}
