import { describe, expect, it } from 'vitest';
import type { SourceItem } from '../ftm-reader.js';
import { validateFtmEntity } from '../ftm-validation.js';
import { BatchBuilder, firstProblem, parseInBatches, type EntityBatch, type ParsedBatch } from './entity-batch.js';

const person = (id: string, name: string, extra: Record<string, string[]> = {}) => ({
  id,
  schema: 'Person',
  properties: { name: [name], ...extra },
});

async function* itemsOf(values: unknown[]): AsyncGenerator<SourceItem> {
  let line = 0;
  for (const value of values) yield { line: ++line, value };
}

async function collect(batches: AsyncIterable<ParsedBatch>): Promise<ParsedBatch[]> {
  const out: ParsedBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

/** The entities of a batch as plain objects, references included, to compare whole. */
const rowsOf = (b: EntityBatch) =>
  b.ids.map((id, i) => ({
    id,
    schema: b.schemas[i],
    caption: b.captions[i],
    captionKey: b.captionKeys[i],
    properties: JSON.parse(b.properties[i] ?? 'null') as unknown,
    topics: JSON.parse(b.topics[i] ?? 'null') as unknown,
    refs: b.refTargets
      .slice(b.refStarts[i], b.refStarts[i + 1])
      .map((target, r) => `${b.refProperties[(b.refStarts[i] ?? 0) + r]}:${target}`),
  }));

describe('parseInBatches', () => {
  it('derives the stored columns: caption, folded key, JSON text, topics and references', async () => {
    const [first] = await collect(
      parseInBatches(
        itemsOf([person('p-1', 'Ölçer Bakkerij', { addressEntity: ['a-1', 'a-1', 'a-2'], topics: ['crime'] })]),
        10,
      ),
    );
    expect(first?.batch.refStarts).toEqual([0, 2]);
    expect(rowsOf(first?.batch ?? new BatchBuilder().take())).toEqual([
      {
        id: 'p-1',
        schema: 'Person',
        caption: 'Ölçer Bakkerij',
        captionKey: 'olcer bakkerij',
        properties: { name: ['Ölçer Bakkerij'], addressEntity: ['a-1', 'a-1', 'a-2'], topics: ['crime'] },
        topics: ['crime'],
        refs: ['addressEntity:a-1', 'addressEntity:a-2'],
      },
    ]);
  });

  it('keeps the later of two lines with one id, with its own references, in id order', async () => {
    const items = itemsOf([
      person('p-2', 'Tweede', { addressEntity: ['a-2'] }),
      person('p-1', 'Eerste', { addressEntity: ['a-1'] }),
      person('p-1', 'Later', { addressEntity: ['a-3', 'a-4'] }),
      person('p-3', 'Derde'),
    ]);
    const [only] = await collect(parseInBatches(items, 10));
    expect(rowsOf(only?.batch ?? new BatchBuilder().take()).map((r) => [r.id, r.caption, r.refs])).toEqual([
      ['p-1', 'Later', ['addressEntity:a-3', 'addressEntity:a-4']],
      ['p-2', 'Tweede', ['addressEntity:a-2']],
      ['p-3', 'Derde', []],
    ]);
  });

  it('cuts batches of at most batchSize distinct ids and reports bad lines in order', async () => {
    const values = [
      person('p-1', 'Een'),
      { id: 'x', schema: 'Persoon' },
      person('p-2', 'Twee'),
      person('p-2', 'Twee bis'),
      person('p-3', 'Drie'),
      { id: 'y', schema: 'Person', properties: { naam: ['y'] } },
      person('p-4', 'Vier'),
    ];
    const batches = await collect(parseInBatches(itemsOf(values), 2));
    // A repeat after its batch was cut lands in a later batch: the writer applies batches in order.
    expect(batches.map((b) => b.batch.ids)).toEqual([['p-1', 'p-2'], ['p-2', 'p-3'], ['p-4']]);
    expect(batches[1]?.batch.captions[0]).toBe('Twee bis');
    expect(batches.flatMap((b) => b.problems)).toEqual([
      { line: 2, reason: 'unknown schema "Persoon"' },
      { line: 6, reason: 'property "naam" is not part of Person', property: 'naam' },
    ]);
    expect(batches.reduce((n, b) => n + b.items, 0)).toBe(values.length);
  });

  it('takes chunks of items (the file reader) the same as single items', async () => {
    const values = [person('p-1', 'Een'), { id: 'x' }, person('p-2', 'Twee'), person('p-3', 'Drie')];
    async function* lists(): AsyncGenerator<SourceItem[]> {
      yield [
        { line: 1, value: values[0] },
        { line: 2, value: values[1] },
      ];
      yield [];
      yield [
        { line: 3, value: values[2] },
        { line: 4, value: values[3] },
      ];
    }
    expect(await collect(parseInBatches(lists(), 2))).toEqual(await collect(parseInBatches(itemsOf(values), 2)));
  });

  it('does not pile up bad lines while no valid entity comes', async () => {
    const bad = Array.from({ length: 7 }, (_, i) => ({ id: `x-${i}` }));
    const batches = await collect(parseInBatches(itemsOf(bad), 3));
    expect(batches.map((b) => [b.batch.ids.length, b.problems.length])).toEqual([
      [0, 3],
      [0, 3],
      [0, 1],
    ]);
  });
});

describe('firstProblem', () => {
  it('names the first bad line, or null for a clean source', async () => {
    expect(await firstProblem(itemsOf([person('p-1', 'Een'), person('p-2', 'Twee')]))).toBeNull();
    expect(await firstProblem(itemsOf([person('p-1', 'Een'), { id: 'p 2', schema: 'Person' }, 'x']))).toEqual({
      line: 2,
      reason: 'missing or invalid id',
    });
  });
});

describe('BatchBuilder', () => {
  it('starts empty again after take, forgetting the ids it saw', () => {
    const builder = new BatchBuilder();
    const checked = validateFtmEntity(person('p-1', 'Een', { addressEntity: ['a-1'] }));
    if (!checked.ok) throw new Error(checked.reason);
    builder.add(checked.value);
    builder.add(checked.value);
    expect(builder.size).toBe(1);
    expect(builder.take()).toMatchObject({ ids: ['p-1'], refStarts: [0, 1], refTargets: ['a-1'] });
    expect(builder.size).toBe(0);
    builder.add(checked.value);
    expect(builder.take()).toMatchObject({ ids: ['p-1'], refStarts: [0, 1], refTargets: ['a-1'] });
    expect(builder.take()).toEqual(expect.objectContaining({ ids: [], refStarts: [0] }));
  });
});
