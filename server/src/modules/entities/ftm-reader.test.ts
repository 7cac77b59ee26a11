import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  arrayItems,
  isFtmFileSource,
  lineItems,
  readFtmFile,
  readFtmItemLists,
  type FtmFileFormat,
  type ReadProgress,
  type SourceItem,
} from './ftm-reader.js';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readers', () => {
  it('splits JSON lines across chunk boundaries, counting blank lines', async () => {
    const text = '{"id":"a"}\n\n{"id":"b"}\nnot json\n{"id":"c"}';
    for (const size of [1, 3, 7, 100]) {
      const items = await collect(lineItems(chunksOf(text, size)));
      expect(items.map((i) => i.line)).toEqual([1, 3, 4, 5]);
      expect(items[2]).toHaveProperty('error');
      expect(items[3]).toEqual({ line: 5, value: { id: 'c' } });
    }
  });

  it('splits a JSON array into elements with the line each starts on, braces in strings included', async () => {
    const text =
      '[\n  {"id":"a","properties":{"name":["x } { ] \\" ["]}},\n  {"id":"b"}\n,{"id":"c",\n"p":[1,{"q":2}]}]\n';
    for (const size of [1, 5, 1000]) {
      const items = await collect(arrayItems(chunksOf(text, size)));
      expect(items).toEqual([
        { line: 2, value: { id: 'a', properties: { name: ['x } { ] " ['] } } },
        { line: 3, value: { id: 'b' } },
        { line: 4, value: { id: 'c', p: [1, { q: 2 }] } },
      ]);
    }
  });

  it('reports an unclosed array', async () => {
    const items = await collect(arrayItems(chunksOf('[{"id":"a"}, {"id":', 4)));
    expect(items.at(-1)).toEqual({ line: 1, error: 'the JSON array is not closed' });
  });
});

describe('readFtmFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-reader-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // Over 1 MB, so lines and multi-byte characters fall across the reader's chunks.
  const records = Array.from({ length: 9_000 }, (_, i) => ({
    id: `e-${i}`,
    schema: 'Person',
    properties: { name: [`Ölçer ’t Hoen ${'ĳ'.repeat(i % 7)} ${i}`], notes: ['x'.repeat(i % 211)] },
  }));

  async function viaFile(name: string, text: string, gzip: boolean, format?: FtmFileFormat): Promise<SourceItem[]> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, gzip ? gzipSync(text) : text);
    const progress: ReadProgress = { bytes: 0 };
    const source = readFtmFile(file, progress);
    expect(isFtmFileSource(source)).toBe(true);
    const items = await collect(source);
    // Uncompressed bytes for the rate; the file's own (compressed) bytes against its size; the layout.
    expect(progress.bytes).toBe(Buffer.byteLength(text));
    expect(progress.fileBytes).toBe(text === '' ? undefined : fs.statSync(file).size);
    expect(progress.format).toBe(format);
    const lists: SourceItem[] = [];
    for await (const list of readFtmItemLists(file, { bytes: 0 })) lists.push(...list);
    expect(lists).toEqual(items);
    return items;
  }

  it.each([false, true])('reads JSON lines as lineItems does (gzip: %s)', async (gzip) => {
    const lines = records.map((r, i) => (i % 1_000 === 5 ? '{"broken":' : JSON.stringify(r)));
    const text = lines.map((l, i) => (i % 500 === 0 ? `${l}\r\n\n` : `${l}\n`)).join('') + '  ';
    const items = await viaFile(`lines-${gzip}.jsonl`, text, gzip, 'lines');
    expect(items).toEqual(await collect(lineItems(chunksOf(text, 4_096))));
    expect(items).toHaveLength(records.length);
    expect(items.filter((i) => 'error' in i)).toHaveLength(9);
  });

  it.each([false, true])('reads a JSON array as arrayItems does (gzip: %s)', async (gzip) => {
    const text = `[\n${records.map((r) => JSON.stringify(r, null, 1)).join(',\n')}\n]\n`;
    const items = await viaFile(`array-${gzip}.json`, text, gzip, 'array');
    expect(items).toEqual(await collect(arrayItems(chunksOf(text, 4_096))));
    expect(items.map((i) => ('value' in i ? i.value : i))).toEqual(records);
  });

  it('reads an empty file as no items', async () => {
    expect(await viaFile('empty.jsonl', '', false)).toEqual([]);
  });
});
