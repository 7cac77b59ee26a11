import { describe, expect, it } from 'vitest';
import { arrayItems, lineItems, type SourceItem } from './ftm-reader.js';

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
