import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** One record of an input file: the parsed JSON, or why it could not be parsed; `line` is 1-based. */
export type SourceItem = { line: number; value: unknown } | { line: number; error: string };

/** How far reading has come, in uncompressed bytes; read by the progress line. */
export type ReadProgress = { bytes: number };

const isGzip = (head: Buffer): boolean => head[0] === 0x1f && head[1] === 0x8b;

/**
 * Streams an FtM file as JSON lines or as one JSON array (detected from the first character),
 * gzipped or not (detected from the magic bytes). Memory stays flat whatever the file size.
 */
export async function* readFtmFile(path: string, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<SourceItem> {
  const head = Buffer.alloc(2);
  const fd = await fs.promises.open(path, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const raw = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  const stream: AsyncIterable<Buffer> = isGzip(head) ? raw.pipe(createGunzip()) : raw;
  const chunks = decoded(stream, progress);
  const first = await chunks.next();
  if (first.done) return;
  const text = first.value;
  const rest = (async function* () {
    yield text;
    yield* chunks;
  })();
  yield* text.trimStart().startsWith('[') ? arrayItems(rest) : lineItems(rest);
}

async function* decoded(stream: AsyncIterable<Buffer>, progress: ReadProgress): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream) {
    progress.bytes += chunk.length;
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

function parsed(line: number, text: string): SourceItem {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** JSON lines: one entity per line; blank lines are skipped but still counted. */
export async function* lineItems(chunks: AsyncIterable<string>): AsyncGenerator<SourceItem> {
  let carry = '';
  let line = 0;
  for await (const chunk of chunks) {
    const text = carry + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      line++;
      const body = text.slice(start, end).trim();
      if (body) yield parsed(line, body);
      start = end + 1;
    }
    carry = text.slice(start);
  }
  const last = carry.trim();
  if (last) yield parsed(line + 1, last);
}

/**
 * One JSON array of entities, split into its elements without parsing the whole: a small
 * scanner tracks strings and nesting depth; each element reports the line it starts on.
 */
export async function* arrayItems(chunks: AsyncIterable<string>): AsyncGenerator<SourceItem> {
  const state = { depth: 0, inString: false, escaped: false, line: 1, startLine: 1, element: '' };
  for await (const chunk of chunks) {
    let from = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) state.line++;
      if (state.inString) {
        if (state.escaped) state.escaped = false;
        else if (c === 92) state.escaped = true;
        else if (c === 34) state.inString = false;
        continue;
      }
      if (c === 34) state.inString = true;
      else if (c === 123 || c === 91) {
        state.depth++;
        if (state.depth === 2) {
          from = i;
          state.startLine = state.line;
          state.element = '';
        }
      } else if (c === 125 || c === 93) {
        state.depth--;
        if (state.depth === 1) {
          yield parsed(state.startLine, state.element + chunk.slice(from === -1 ? 0 : from, i + 1));
          state.element = '';
          from = -1;
        }
      }
    }
    if (state.depth >= 2) state.element += chunk.slice(from === -1 ? 0 : from);
  }
  if (state.depth !== 0) yield { line: state.line, error: 'the JSON array is not closed' };
}
