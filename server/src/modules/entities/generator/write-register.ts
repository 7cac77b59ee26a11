import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { generateRegister } from './register.js';
import type { RegisterOptions } from './register-plan.js';

/** Lines per chunk: large enough to amortise stream overhead, small enough to stay flat. */
const LINES_PER_CHUNK = 2_000;

function* jsonLineChunks(options: RegisterOptions, counter: { entities: number }): Generator<string> {
  let lines: string[] = [];
  for (const entity of generateRegister(options)) {
    lines.push(JSON.stringify(entity));
    counter.entities++;
    if (lines.length === LINES_PER_CHUNK) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}

/**
 * Streams the register as JSON lines to `path` (gzip when it ends in .gz). Readable.from
 * pulls the generator only when the file stream wants more, so memory stays flat.
 */
export async function writeRegister(path: string, options: RegisterOptions): Promise<{ entities: number }> {
  const counter = { entities: 0 };
  const source = Readable.from(jsonLineChunks(options, counter));
  const file = createWriteStream(path);
  if (path.endsWith('.gz')) await pipeline(source, createGzip({ level: 6 }), file);
  else await pipeline(source, file);
  return counter;
}
