import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import { encryptedColumns, type EncryptedTable } from './encrypted-columns.js';
import { decryptField, encryptField, isEncryptedField, keyIdOf, type FieldKeys } from './field-encryption.js';

export type RotationProgress = {
  table: EncryptedTable;
  /** Rows rewritten in this batch. */
  rows: number;
  /** Values moved from an older key to the current one. */
  reencrypted: number;
  /** Values found in clear (written before encryption at rest) and sealed now. */
  sealed: number;
};

export type RotationSummary = {
  currentKeyId: string;
  batches: number;
  rows: number;
  reencrypted: number;
  sealed: number;
};

// The encrypted tables differ, but rotation only touches id, organisation_id and the sealed
// text columns; a loose view of the schema keeps that one generic loop free of casts per table.
type SealedRow = Record<string, string | null>;
type LooseDb = Kysely<Record<string, SealedRow>>;

const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Re-encrypts every encrypted field under the current key, one transaction per batch; safe to rerun. */
export async function rotateFieldKeys(
  ctx: AppContext,
  options: { batchSize?: number; onBatch?: (progress: RotationProgress) => void } = {},
): Promise<RotationSummary> {
  const keys = ctx.config.encryptionKeys;
  const currentKeyId = keys[0]?.id;
  if (!currentKeyId) throw new Error('no field-encryption key configured');
  const summary: RotationSummary = { currentKeyId, batches: 0, rows: 0, reencrypted: 0, sealed: 0 };
  for (const table of Object.keys(encryptedColumns) as EncryptedTable[]) {
    // Rows already under the current key no longer match, so a rerun resumes where one stopped;
    // walking by id guarantees an end even if a row changes while we work.
    let afterId = '';
    for (;;) {
      const rows = await staleRows(
        ctx.db as unknown as LooseDb,
        table,
        currentKeyId,
        afterId,
        options.batchSize ?? 200,
      );
      if (rows.length === 0) break;
      const progress = await rewriteBatch(ctx.db as unknown as LooseDb, keys, table, rows);
      summary.batches += 1;
      summary.rows += progress.rows;
      summary.reencrypted += progress.reencrypted;
      summary.sealed += progress.sealed;
      options.onBatch?.(progress);
      afterId = rows[rows.length - 1]?.['id'] ?? afterId;
    }
  }
  return summary;
}

function staleRows(db: LooseDb, table: EncryptedTable, keyId: string, afterId: string, limit: number) {
  const columns = encryptedColumns[table];
  const current = `v1.${likeLiteral(keyId)}.%`;
  return db
    .selectFrom(table)
    .select(['id', 'organisation_id', ...columns])
    .where('id', '>', afterId)
    .where((eb) =>
      eb.or(
        columns.map((c) =>
          eb.and([eb(c, 'is not', null), eb(sql.ref(c), 'not like', sql<string>`${current} escape '\\'`)]),
        ),
      ),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

async function rewriteBatch(
  db: LooseDb,
  keys: FieldKeys,
  table: EncryptedTable,
  rows: SealedRow[],
): Promise<RotationProgress> {
  const progress: RotationProgress = { table, rows: 0, reencrypted: 0, sealed: 0 };
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { patch, reencrypted, sealed } = resealRow(keys, table, row);
      if (Object.keys(patch).length === 0) continue;
      // Compare-and-set: a value changed since we read it was written under the current key already.
      let update = trx
        .updateTable(table)
        .set(patch)
        .where('id', '=', row['id'] ?? '');
      for (const column of Object.keys(patch)) update = update.where(column, '=', row[column] ?? '');
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue;
      progress.rows += 1;
      progress.reencrypted += reencrypted;
      progress.sealed += sealed;
    }
  });
  return progress;
}

function resealRow(keys: FieldKeys, table: EncryptedTable, row: SealedRow) {
  const currentKeyId = keys[0]?.id;
  const ids = { rowId: row['id'] ?? '', organisationId: row['organisation_id'] ?? '' };
  const patch: SealedRow = {};
  let reencrypted = 0;
  let sealed = 0;
  for (const column of encryptedColumns[table]) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    const at = { table, column, ...ids };
    if (!isEncryptedField(value)) {
      patch[column] = encryptField(keys, at, value);
      sealed += 1;
    } else if (keyIdOf(value) !== currentKeyId) {
      patch[column] = encryptField(keys, at, decryptField(keys, at, value));
      reencrypted += 1;
    }
  }
  return { patch, reencrypted, sealed };
}
