import {
  captionKey,
  validateFtmEntity,
  type LineProblem,
  type ValidationOptions,
  type ValidEntity,
} from '../ftm-validation.js';
import type { SourceItem } from '../ftm-reader.js';

/**
 * Entities ready for the store, one column per field: what the parse worker posts to the
 * writer (arrays of strings copy between threads far cheaper than an object per entity).
 * The references of entity `i` are `refProperties`/`refTargets` from `refStarts[i]` up to
 * `refStarts[i + 1]`. Ids are unique within a batch (a repeated id keeps its later line) and sorted.
 */
export type EntityBatch = {
  ids: string[];
  schemas: string[];
  captions: string[];
  captionKeys: string[];
  /** JSON text of the validated properties, stored as is. */
  properties: string[];
  /** JSON text of the FtM topics. */
  topics: string[];
  refStarts: number[];
  refProperties: string[];
  refTargets: string[];
};

/** A batch with what reading it found: the bad lines among it and how many items it took. */
export type ParsedBatch = { batch: EntityBatch; problems: LineProblem[]; items: number };

/** Refuses an item: a JSON error from the reader, or the validator's reason with the property. */
export function checkItem(
  item: SourceItem,
  checks: ValidationOptions = {},
): { ok: true; value: ValidEntity } | { ok: false; problem: LineProblem } {
  if ('error' in item) return { ok: false, problem: { line: item.line, reason: item.error } };
  const result = validateFtmEntity(item.value, checks);
  if (result.ok) return result;
  const problem: LineProblem = { line: item.line, reason: result.reason };
  if (result.property) problem.property = result.property;
  return { ok: false, problem };
}

const emptyBatch = (): EntityBatch => ({
  ids: [],
  schemas: [],
  captions: [],
  captionKeys: [],
  properties: [],
  topics: [],
  refStarts: [0],
  refProperties: [],
  refTargets: [],
});

function append(to: EntityBatch, from: EntityBatch, i: number): void {
  to.ids.push(from.ids[i] ?? '');
  to.schemas.push(from.schemas[i] ?? '');
  to.captions.push(from.captions[i] ?? '');
  to.captionKeys.push(from.captionKeys[i] ?? '');
  to.properties.push(from.properties[i] ?? '');
  to.topics.push(from.topics[i] ?? '');
  const end = from.refStarts[i + 1] ?? 0;
  for (let r = from.refStarts[i] ?? end; r < end; r++) {
    to.refProperties.push(from.refProperties[r] ?? '');
    to.refTargets.push(from.refTargets[r] ?? '');
  }
  to.refStarts.push(to.refTargets.length);
}

/**
 * Collects valid entities into columns, keeping the later of two lines with the same id. Each
 * entity is turned into its stored strings as it comes, so the parsed object dies young (the
 * garbage collector copies what survives, and a batch survives several collections).
 */
export class BatchBuilder {
  private batch = emptyBatch();
  /** Where each id's latest line sits in `batch` (earlier lines of a repeated id are left out on take). */
  private readonly positions = new Map<string, number>();

  get size(): number {
    return this.positions.size;
  }

  add({ entity, caption, topics, refs }: ValidEntity): void {
    const b = this.batch;
    this.positions.set(entity.id, b.ids.length);
    b.ids.push(entity.id);
    b.schemas.push(entity.schema);
    b.captions.push(caption);
    b.captionKeys.push(captionKey(caption));
    b.properties.push(JSON.stringify(entity.properties));
    b.topics.push(topics.length === 0 ? '[]' : JSON.stringify(topics));
    for (const ref of refs) {
      b.refProperties.push(ref.property);
      b.refTargets.push(ref.targetId);
    }
    b.refStarts.push(b.refTargets.length);
  }

  /**
   * The columns of everything added so far, one entity per id (its latest line), in id order:
   * the writer then walks the primary key and the references' source index front to back,
   * which SQLite does measurably faster than in file order. Starts empty again.
   */
  take(): EntityBatch {
    const from = this.batch;
    const order = [...this.positions.values()].sort((a, b) => ((from.ids[a] ?? '') < (from.ids[b] ?? '') ? -1 : 1));
    const taken = emptyBatch();
    for (const i of order) append(taken, from, i);
    this.batch = emptyBatch();
    this.positions.clear();
    return taken;
  }
}

/** Items one by one, or a chunk's worth at a time (what the file reader gives, sparing an await per line). */
export type ItemStream = AsyncIterable<SourceItem> | AsyncIterable<SourceItem[]>;

async function* listsOf(items: ItemStream): AsyncGenerator<SourceItem[]> {
  for await (const next of items) yield Array.isArray(next) ? next : [next];
}

/** Reads items into batches of at most `batchSize` distinct ids, with the bad lines met on the way. */
export async function* parseInBatches(
  items: ItemStream,
  batchSize: number,
  checks: ValidationOptions = {},
): AsyncGenerator<ParsedBatch> {
  const builder = new BatchBuilder();
  let problems: LineProblem[] = [];
  let count = 0;
  for await (const list of listsOf(items)) {
    for (const item of list) {
      count++;
      const result = checkItem(item, checks);
      if (result.ok) builder.add(result.value);
      else problems.push(result.problem);
      // Bad lines also close a batch, so a file of nothing but bad lines does not pile them up.
      if (builder.size >= batchSize || problems.length >= batchSize) {
        yield { batch: builder.take(), problems, items: count };
        problems = [];
        count = 0;
      }
    }
  }
  if (builder.size > 0 || count > 0) yield { batch: builder.take(), problems, items: count };
}

/** The first bad item, or null when every item is valid (strict mode's dry run). */
export async function firstProblem(items: ItemStream, checks: ValidationOptions = {}): Promise<LineProblem | null> {
  for await (const list of listsOf(items)) {
    for (const item of list) {
      const result = checkItem(item, checks);
      if (!result.ok) return result.problem;
    }
  }
  return null;
}
