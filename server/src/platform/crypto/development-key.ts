import fs from 'node:fs';
import path from 'node:path';
import { generateFieldKeyLine, parseFieldKeys, type FieldKey } from './field-encryption.js';

/**
 * The development keyring: a random key created once in `file` (mode 0600), so a restarted
 * server can still open what it sealed. Never used in production, which requires ENCRYPTION_KEYS.
 */
export function loadOrCreateDevelopmentKeys(file: string): FieldKey[] {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // `wx` fails if another process created the file in between; then we read theirs.
    try {
      fs.writeFileSync(file, `${generateFieldKeyLine(`dev-${Date.now().toString(36)}`)}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const parsed = parseFieldKeys(fs.readFileSync(file, 'utf8').trim());
  if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
  return parsed.keys;
}

/** Where the development key lives: beside the SQLite file, in ./data for PostgreSQL, nowhere for :memory:. */
export function developmentKeyFile(databaseUrl: string): string | null {
  const isSqliteFile = !/^postgres(ql)?:\/\//.test(databaseUrl);
  const file = databaseUrl.replace(/^sqlite:(\/\/)?/, '');
  if (isSqliteFile && file === ':memory:') return null;
  const dir = isSqliteFile ? path.dirname(path.resolve(file)) : path.resolve('data');
  return path.join(dir, 'encryption.key');
}
