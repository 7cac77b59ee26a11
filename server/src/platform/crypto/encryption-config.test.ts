import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { generateFieldKeyLine } from './field-encryption.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const production = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'x'.repeat(40),
  SEED_DEMO: 'never',
  DATABASE_URL: 'sqlite::memory:',
};

describe('encryption keys in the configuration', () => {
  it('refuses to start production without ENCRYPTION_KEYS', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/ENCRYPTION_KEYS: production needs ENCRYPTION_KEYS/);
  });

  it('takes production keys from ENCRYPTION_KEYS, first one current, and rejects malformed ones', () => {
    const line = `${generateFieldKeyLine('k2')},${generateFieldKeyLine('k1')}`;
    expect(loadConfig({ ...production, ENCRYPTION_KEYS: line }).encryptionKeys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(() => loadConfig({ ...production, ENCRYPTION_KEYS: 'k1:short' })).toThrow(/expected id:base64 of 32 bytes/);
  });

  it('creates a random development key once beside the SQLite file, private to its owner, and reuses it', () => {
    const dir = tempDir();
    const env = { NODE_ENV: 'development', DATABASE_URL: `sqlite:${path.join(dir, 'weerbaar.db')}` };
    const first = loadConfig(env).encryptionKeys;
    const file = path.join(dir, 'encryption.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig(env).encryptionKeys[0]?.key.equals(first[0]?.key ?? Buffer.alloc(0))).toBe(true);
    // Another database directory gets its own, different key: nothing is derived from a constant.
    const other = loadConfig({ ...env, DATABASE_URL: `sqlite:${path.join(tempDir(), 'weerbaar.db')}` });
    expect(other.encryptionKeys[0]?.key.equals(first[0]?.key ?? Buffer.alloc(0))).toBe(false);
  });
});
