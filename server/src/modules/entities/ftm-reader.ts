import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/** One record of an input file: the parsed JSON, or why it could not be parsed; `line` is 1-based. */
export type SourceItem = { line: number; value: unknown } | { line: number; error: string };

/** The two layouts of an FtM file: one entity per line, or one JSON array of entities. */
export type FtmFileFormat = 'lines' | 'array';

/**
 * How far reading has come, read by the progress display: `bytes` uncompressed, `fileBytes` of
 * the file itself (compressed bytes for gzip, so it can be set against the file's size), and the
 * layout once the first chunk has shown it.
 */
export type ReadProgress = { bytes: number; fileBytes?: number; format?: FtmFileFormat };

/**
 * The items of one file, and which file: the importer parses a file it recognises in a worker
 * thread (reading the same file itself) and only iterates sources it does not.
 */
export type FtmFileSource = AsyncGenerator<SourceItem> & { readonly file: { path: string; progress: ReadProgress } };

const isGzip = (head: Buffer): boolean => head[0] === 0x1f && head[1] === 0x8b;

/** Whether `source` came from readFtmFile, so its file can be read again elsewhere. */
export function isFtmFileSource(source: AsyncIterable<SourceItem>): source is FtmFileSource {
  return 'file' in source && typeof (source as Partial<FtmFileSource>).file?.path === 'string';
}

/**
 * Streams an FtM file as JSON lines or as one JSON array (detected from the first character),
 * gzipped or not (detected from the magic bytes). Memory stays flat whatever the file size.
 */
export function readFtmFile(path: string, progress: ReadProgress = { bytes: 0 }): FtmFileSource {
  const items = async function* (): AsyncGenerator<SourceItem> {
    for await (const list of readFtmItemLists(path, progress)) yield* list;
  };
  return Object.assign(items(), { file: { path, progress } });
}

/**
 * The items of a file a chunk (about 1 MB) at a time: the importer's own loop, which spares an
 * await per line. Same items, same order as readFtmFile.
 */
export async function* readFtmItemLists(path: string, progress: ReadProgress): AsyncGenerator<SourceItem[]> {
  const head = Buffer.alloc(2);
  const fd = await fs.promises.open(path, 'r');
  try {
    await fd.read(head, 0, 2, 0);
  } finally {
    await fd.close();
  }
  const isGzipped = isGzip(head);
  const stream = opened(path, isGzipped, progress);
  let splitter: LineSplitter | ArraySplitter | null = null;
  for await (const chunk of stream) {
    progress.bytes += chunk.length;
    if (!isGzipped) progress.fileBytes = progress.bytes;
    if (!splitter) {
      progress.format = chunk.toString('utf8', 0, Math.min(chunk.length, 4096)).trimStart().startsWith('[')
        ? 'array'
        : 'lines';
      splitter = progress.format === 'array' ? new ArraySplitter() : new LineSplitter();
    }
    yield splitter.push(chunk);
  }
  if (splitter) yield splitter.end();
}

/**
 * The file's bytes, gunzipped when asked (counting the compressed bytes read into `progress`);
 * a read error ends the gunzip stream too (pipe does not pass it on).
 */
function opened(path: string, isGzipped: boolean, progress: ReadProgress): AsyncIterable<Buffer> {
  // Compressed reads stay small: the bytes read (the progress bar's share) must not run far ahead of
  // the entities parsed, and 1 MB of gzip is several MB of JSON.
  const raw = fs.createReadStream(path, { highWaterMark: isGzipped ? 1 << 16 : 1 << 20 });
  if (!isGzipped) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  const piped = raw.pipe(gunzip);
  raw.on('data', (chunk) => (progress.fileBytes = (progress.fileBytes ?? 0) + chunk.length));
  return piped;
}

function parsed(line: number, text: string): SourceItem {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, error: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * JSON lines split on the raw bytes (a newline byte never occurs inside a UTF-8 sequence), each
 * line decoded on its own: a line of plain ASCII stays a one-byte string, which V8 parses faster
 * than a slice of a chunk that holds one curly quote somewhere. Same items as lineItems.
 */
class LineSplitter {
  private carry: Buffer | null = null;
  private line = 0;

  push(chunk: Buffer): SourceItem[] {
    const items: SourceItem[] = [];
    const bytes: Buffer = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(10, start); end !== -1; end = bytes.indexOf(10, start)) {
      this.line++;
      const body = bytes.toString('utf8', start, end).trim();
      if (body) items.push(parsed(this.line, body));
      start = end + 1;
    }
    this.carry = start < bytes.length ? bytes.subarray(start) : null;
    return items;
  }

  end(): SourceItem[] {
    const last = this.carry ? this.carry.toString('utf8').trim() : '';
    return last ? [parsed(this.line + 1, last)] : [];
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
  const splitter = new ArraySplitter();
  for await (const chunk of chunks) yield* splitter.pushText(chunk);
  yield* splitter.end();
}

class ArraySplitter {
  private readonly decoder = new StringDecoder('utf8');
  private depth = 0;
  private inString = false;
  private escaped = false;
  private line = 1;
  private startLine = 1;
  private element = '';

  push(chunk: Buffer): SourceItem[] {
    return this.pushText(this.decoder.write(chunk));
  }

  pushText(chunk: string): SourceItem[] {
    const items: SourceItem[] = [];
    let from = -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) {
        this.depth++;
        if (this.depth === 2) {
          from = i;
          this.startLine = this.line;
          this.element = '';
        }
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth === 1) {
          items.push(parsed(this.startLine, this.element + chunk.slice(from === -1 ? 0 : from, i + 1)));
          this.element = '';
          from = -1;
        }
      }
    }
    if (this.depth >= 2) this.element += chunk.slice(from === -1 ? 0 : from);
    return items;
  }

  end(): SourceItem[] {
    const items = this.pushText(this.decoder.end());
    if (this.depth !== 0) items.push({ line: this.line, error: 'the JSON array is not closed' });
    return items;
  }
}
