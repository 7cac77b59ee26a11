import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readFtmFile } from '../ftm-reader.js';
import { batchesOf, firstProblemOf } from './batch-sources.js';
import type { ParsedBatch } from './entity-batch.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-batch-sources-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const person = (id: string, name: string, address?: string) =>
  JSON.stringify({
    id,
    schema: 'Person',
    properties: { name: [name], ...(address ? { addressEntity: [address] } : {}) },
  });

/** A file with repeats across batch boundaries, bad lines and blank lines; returns its path and text size. */
function writeFile(name: string, gzip = false): { file: string; bytes: number } {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    lines.push(person(`p-${i % 250}`, `Persoon ${i}`, `a-${i}`));
    if (i % 97 === 0) lines.push('{"id": "kapot"');
    if (i % 131 === 0) lines.push('');
  }
  const file = path.join(dir, name);
  const text = lines.join('\r\n') + '\n';
  fs.writeFileSync(file, gzip ? gzipSync(text) : text);
  return { file, bytes: Buffer.byteLength(text) };
}

async function collect(batches: AsyncIterable<ParsedBatch>): Promise<ParsedBatch[]> {
  const out: ParsedBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

describe('batchesOf a file', () => {
  it.each([false, true])('gives the same batches in a worker thread as on this one (gzip: %s)', async (gzip) => {
    const { file, bytes } = writeFile(`mixed-${gzip}.jsonl${gzip ? '.gz' : ''}`, gzip);
    const problems: string[] = [];
    const options = { batchSize: 64, onWorkerUnavailable: (reason: string) => problems.push(reason) };
    const progress = { bytes: 0 };
    const inWorker = await collect(batchesOf(readFtmFile(file, progress), { ...options, useWorker: true }));
    const here = await collect(batchesOf(readFtmFile(file), { ...options, useWorker: false }));
    expect(problems).toEqual([]);
    expect(inWorker).toEqual(here);
    expect(inWorker.flatMap((b) => b.problems.map((p) => p.line)).slice(0, 2)).toEqual([2, 101]);
    expect(inWorker.reduce((n, b) => n + b.items, 0)).toBe(400 + 5);
    // The worker reports the uncompressed bytes it read into the source's own progress (the CLI shows them).
    expect(progress.bytes).toBe(bytes);
  });

  it('finds the first bad line in a worker thread for strict mode', async () => {
    const { file } = writeFile('strict.jsonl');
    expect(await firstProblemOf(readFtmFile(file), { batchSize: 64, useWorker: true })).toMatchObject({ line: 2 });
    const clean = path.join(dir, 'clean.jsonl');
    fs.writeFileSync(clean, [person('a', 'A'), person('b', 'B')].join('\n'));
    expect(await firstProblemOf(readFtmFile(clean), { batchSize: 64, useWorker: true })).toBeNull();
  });

  it('fails with the reader error when the file breaks off', async () => {
    const file = path.join(dir, 'cut.jsonl.gz');
    const whole = gzipSync(Array.from({ length: 2_000 }, (_, i) => person(`p-${i}`, `P ${i}`)).join('\n'));
    fs.writeFileSync(file, whole.subarray(0, whole.length - 20));
    await expect(collect(batchesOf(readFtmFile(file), { batchSize: 64, useWorker: true }))).rejects.toThrow(
      /unexpected end of file/,
    );
  });
});
