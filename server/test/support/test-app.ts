import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { prepareDatabase } from '../../src/db/prepare.js';
import { buildApp } from '../../src/app.js';
import { manualClock } from '../../src/platform/clock.js';
import { createLogger } from '../../src/platform/logger.js';
import type { AppContext } from '../../src/platform/context.js';
import type { App } from '../../src/platform/http/types.js';

// Tests run on a fresh SQLite file each, or, when WEERBAAR_TEST_DATABASE_URL is set, on a
// fresh PostgreSQL schema each, so the same suite proves both dialects.
const postgresUrl = process.env['WEERBAAR_TEST_DATABASE_URL'];

export type TestApp = {
  app: App;
  ctx: AppContext;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
};

export const isPostgresRun = Boolean(postgresUrl);

/** A migrated, empty database and the real app on it, with a clock the test controls. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const { url, schema, dropSchema } = await freshDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    // Tests log in far more often than people do; one test checks the real limit.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    WEB_DIST: path.join(os.tmpdir(), 'weerbaar-no-web'),
    ...overrides,
  });
  // On PostgreSQL the app acts as a role without BYPASSRLS, so row-level security is tested too.
  const { handle } = await prepareDatabase(url, schema ? { schema, appRole: 'weerbaar_app' } : {});
  const clock = manualClock(new Date('2026-11-02T09:00:00Z'));
  const ctx: AppContext = { db: handle.db, dialect: handle.dialect, config, clock, logger: createLogger('silent') };
  const app = await buildApp(ctx);
  await app.ready();
  return {
    app,
    ctx,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
      await dropSchema();
    },
  };
}

async function freshDatabase(): Promise<{ url: string; schema?: string; dropSchema: () => Promise<void> }> {
  if (!postgresUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-test-'));
    return {
      url: `sqlite:${path.join(dir, 'test.db')}`,
      dropSchema: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    url: postgresUrl,
    schema,
    dropSchema: async () => {
      const c = new pg.Client({ connectionString: postgresUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
