import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AppContext } from '../../src/platform/context.js';
import { runImportFtm, type ImportFtmOptions, type Output } from '../../src/cli/entity-commands.js';
import type { ImportSummary } from '../../src/modules/entities/ftm-import.service.js';

/** The real FtM file shared between the projects (a sibling of the repository in CI). */
export const parteispendenFile = [
  path.resolve('../shared/data/parteispenden.ftm.jsonl'),
  '/work/shared/data/parteispenden.ftm.jsonl',
].find((f) => fs.existsSync(f));

/** A temporary folder for files a test writes. */
export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-entities-'));

/** Writes lines (objects are JSON-encoded, strings written as they are) to a file; gzips for .gz. */
export function writeLines(file: string, lines: (object | string)[]): string {
  const text = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
  fs.writeFileSync(file, file.endsWith('.gz') ? gzipSync(text) : text);
  return file;
}

/** An Output that keeps what a command wrote. */
export function capture(): Output & { text: string } {
  return {
    text: '',
    isTTY: false,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

/** Runs `weerbaar import ftm` in-process and returns its summary and what it printed. */
export async function importFile(ctx: AppContext, file: string, opts: ImportFtmOptions) {
  const out = capture();
  const summary: ImportSummary = await runImportFtm(ctx, file, opts, out);
  return { summary, printed: out.text };
}

/** FtM entities as comparable values: properties as sorted sets per key. */
export function comparable(lines: string[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of lines.filter((l) => l.trim())) {
    const e = JSON.parse(line) as { id: string; schema: string; properties: Record<string, string[]> };
    const props = Object.fromEntries(
      Object.entries(e.properties)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, [...new Set(v)].sort()]),
    );
    result.set(e.id, JSON.stringify({ schema: e.schema, props }));
  }
  return result;
}

export const person = (id: string, name: string, extra: Record<string, string[]> = {}) => ({
  id,
  schema: 'Person',
  properties: { name: [name], ...extra },
});
