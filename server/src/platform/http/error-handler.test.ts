import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { handleYenteError } from '../../modules/screening/yente/yente-errors.js';
import { handleError } from './error-handler.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-busy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real SQLITE_BUSY: a second connection asks for the write lock the first one holds. */
function sqliteBusyError(): unknown {
  const file = path.join(dir, 'busy.db');
  const holder = new Database(file);
  const other = new Database(file);
  other.pragma('busy_timeout = 0');
  holder.exec('begin immediate');
  try {
    other.exec('begin immediate');
    return new Error('expected SQLITE_BUSY');
  } catch (error) {
    return error;
  } finally {
    holder.exec('rollback');
    holder.close();
    other.close();
  }
}

function pgDeadlockError(): unknown {
  const error = new pg.DatabaseError('deadlock detected', 0, 'error');
  error.code = '40P01';
  return error;
}

async function answerTo(error: unknown, handler = handleError) {
  const app = Fastify();
  app.setErrorHandler(handler);
  app.get('/', () => {
    throw error;
  });
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return { status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json<unknown>() };
}

describe('a transaction that lost to a concurrent one', () => {
  it('answers 503 with Retry-After, for SQLite busy and a PostgreSQL deadlock', async () => {
    // A stale read snapshot: another process committed between the transaction's read and write.
    const staleSnapshot = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
    for (const error of [sqliteBusyError(), staleSnapshot, pgDeadlockError()]) {
      const answer = await answerTo(error);
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('1');
      expect(answer.body).toMatchObject({ error: 'busy', message: expect.stringContaining('did not complete') });
    }
  });

  it('answers the yente API in its own shape', async () => {
    const answer = await answerTo(pgDeadlockError(), handleYenteError);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('1');
    expect(answer.body).toEqual({ detail: expect.stringContaining('did not complete') });
  });

  it('keeps other failures internal errors, without their text', async () => {
    const answer = await answerTo(Object.assign(new Error('secret detail'), { code: '23505' }));
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
  });
});
