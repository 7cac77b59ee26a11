import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.js';

let raw: SQLite.Database;

function open(size?: number) {
  raw = new SQLite(':memory:');
  raw.exec('create table t (n integer primary key, label text)');
  raw.exec("insert into t (n, label) values (1, 'een'), (2, 'twee'), (3, 'drie')");
  return withStatementCache(raw, size);
}

afterEach(() => {
  if (raw.open) raw.close();
});

describe('SQLite statement cache', () => {
  it('hands out the kept statement for the same SQL, and counts it', () => {
    const db = open();
    const first = db.prepare('select label from t where n = ?');
    const second = db.prepare('select label from t where n = ?');
    expect(second).toBe(first);
    expect(second.all([2])).toEqual([{ label: 'twee' }]);
    expect(db.stats()).toEqual({ hits: 1, misses: 1, size: 1 });
  });

  it('never reuses a statement that is still being iterated', () => {
    const db = open();
    const sql = 'select n from t order by n';
    const streaming = db.prepare(sql);
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const meanwhile = db.prepare(sql);
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all([])).toHaveLength(3);
    expect([...rows]).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare(sql)).toBe(streaming);
  });

  it('drops the least recently used statement beyond its size', () => {
    const db = open(2);
    const a = db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.stats().size).toBe(2);
    expect(db.prepare('select 2')).not.toBe(a);
  });

  it('does not keep one-off statements with very long SQL', () => {
    const db = open();
    const values = Array.from({ length: 600 }, (_, i) => `(${i + 10}, 'x')`).join(', ');
    db.prepare(`insert into t (n, label) values ${values}`).run([]);
    expect(db.stats().size).toBe(0);
  });

  it('serves Kysely: streams, reads and writes through kept statements', async () => {
    const cached = open();
    const db = new Kysely<{ t: { n: number; label: string } }>({ dialect: new SqliteDialect({ database: cached }) });
    const seen: number[] = [];
    for await (const row of db.selectFrom('t').select('n').orderBy('n').stream()) seen.push(row.n);
    expect(seen).toEqual([1, 2, 3]);
    for (const n of [1, 2, 3]) await db.selectFrom('t').select('label').where('n', '=', n).execute();
    expect(cached.stats().hits).toBeGreaterThanOrEqual(2);
    await db.updateTable('t').set({ label: 'EEN' }).where('n', '=', 1).execute();
    const row = await db.selectFrom('t').select('label').where('n', '=', 1).executeTakeFirstOrThrow();
    expect(row.label).toBe('EEN');
    await db.destroy();
  });
});
