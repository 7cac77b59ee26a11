import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { GraphBuilder } from '../entities/graph/graph-builder.js';
import { serializeGraph } from '../entities/graph/snapshot.js';
import { buildIndex } from './engine/candidate-index.js';
import { serialiseIndex } from './engine/index-snapshot.js';
import type { BuiltEngines } from './engine-build.js';
import { readLatestSnapshots, readSnapshots, writeSnapshots } from './engine-snapshots.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-snapshots-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const logger = createLogger('silent');

function engines(names: string[], watermark: string): BuiltEngines {
  const builder = new GraphBuilder();
  names.forEach((_, i) => builder.addNode({ id: `p-${i}`, schema: 'Person' }));
  builder.addNode({ id: 'c-1', schema: 'Company' });
  builder.addEdge({ id: 'd-1', schema: 'Directorship', source: 'p-0', target: 'c-1' });
  return {
    engines: {
      index: buildIndex(names.map((name, i) => ({ id: `p-${i}`, schema: 'Person', names: [name] }))),
      graph: builder.build(),
    },
    meta: {
      watermark,
      isComplete: true,
      flaggedTopics: ['crime'],
      entityCount: names.length + 2,
      datasetUpdatedAt: watermark,
    },
  };
}

const bytesOf = (b: BuiltEngines) => ({
  index: serialiseIndex(b.engines.index),
  graph: serializeGraph(b.engines.graph),
  meta: b.meta,
});

describe('engine snapshots on disk', () => {
  it('keep one version per dataset, whole, with what it covers', async () => {
    const dir = path.join(root, 'versions');
    const first = engines(['Jan de Vries', 'Piet Jansen'], '2026-11-01T10:00:00.000Z');
    const second = engines(['Jan de Vries', 'Piet Jansen', 'Anouk Verbeek'], '2026-11-02T10:00:00.000Z');
    await writeSnapshots(dir, 'ds', 'v1', first, logger);
    await writeSnapshots(dir, 'ds', 'v2', second, logger);
    await writeSnapshots(dir, 'other', 'v1', first, logger);
    expect(fs.readdirSync(dir).sort()).toEqual(['ds-v2', 'other-v1']);
    expect(await readSnapshots(dir, 'ds', 'v1', logger)).toBeNull();
    const read = await readSnapshots(dir, 'ds', 'v2', logger);
    expect(read && bytesOf(read)).toEqual(bytesOf(second));
    const latest = await readLatestSnapshots(dir, 'ds', logger);
    expect(latest?.meta).toEqual(second.meta);
  });

  it('never mixes the files of two processes writing the same version at once', async () => {
    const dir = path.join(root, 'race');
    const a = engines(['Jan de Vries', 'Piet Jansen'], '2026-11-01T10:00:00.000Z');
    const b = engines(['Kevin de Vries', 'Sanne Bakker', 'Anouk Verbeek'], '2026-11-01T11:00:00.000Z');
    await Promise.all([
      writeSnapshots(dir, 'ds', 'v1', a, logger),
      writeSnapshots(dir, 'ds', 'v1', b, logger),
      writeSnapshots(dir, 'ds', 'v1', a, logger),
    ]);
    const read = await readSnapshots(dir, 'ds', 'v1', logger);
    expect(read).not.toBeNull();
    // Whichever writer won, all three files are its own.
    expect([bytesOf(a), bytesOf(b)]).toContainEqual(read && bytesOf(read));
    // No writer's own directory is left behind.
    expect(fs.readdirSync(dir)).toEqual(['ds-v1']);
  });
});
