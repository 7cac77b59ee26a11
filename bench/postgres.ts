/** The benchmark's own PostgreSQL database (created when missing), shared by B1 and B2. */
import pg from 'pg';

/** Connects to the bench database, creating it and pg_trgm first when missing. */
export async function connectBench(url: string): Promise<pg.Client> {
  const target = new URL(url);
  const database = target.pathname.replace(/^\//, '') || 'weerbaar_bench';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  await adminClient.connect();
  try {
    const found = await adminClient.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await adminClient.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await adminClient.end();
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_trgm');
  return client;
}

/** Inserts rows column-wise through unnest, in chunks, so a million rows load in seconds. */
export async function insertColumns(
  client: pg.Client,
  table: string,
  columns: { name: string; type: 'text' | 'int' }[],
  count: number,
  valueAt: (row: number, column: number) => string | number,
  chunk = 50_000,
): Promise<void> {
  const names = columns.map((c) => c.name).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const sql = `insert into ${table} (${names}) select * from unnest(${unnest})`;
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    const arrays = columns.map((_, column) => {
      const values: (string | number)[] = [];
      for (let row = start; row < end; row++) values.push(valueAt(row, column));
      return values;
    });
    await client.query(sql, arrays);
  }
}

/** Size of a table with its indexes, in bytes. */
export async function relationBytes(client: pg.Client, table: string): Promise<number> {
  const result = await client.query<{ bytes: string }>('select pg_total_relation_size($1)::text as bytes', [table]);
  return Number(result.rows[0]?.bytes ?? 0);
}
