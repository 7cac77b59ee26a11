import type { Database } from '../../db/schema.js';
import { decryptNullable, encryptNullable, type FieldKeys } from './field-encryption.js';

/**
 * Every column stored encrypted at rest. Repositories seal and open exactly these, and
 * `weerbaar keys rotate` walks this list, so a new sensitive column is added here once.
 * Each table has text `id` and `organisation_id` columns, which are bound into the ciphertext.
 */
export const encryptedColumns = {
  officeholders: ['home_address', 'family_members'],
  incidents: ['known_perpetrators'],
  // The plan's home address and household go to no one but the municipality (work orders are masked).
  measure_plans: ['home_address', 'household'],
  // A person of interest's addresses are home addresses of a private person.
  pois: ['addresses'],
  scan_answers: ['note'],
  support_requests: ['summary', 'details'],
  support_request_notes: ['body'],
} as const satisfies Partial<{ [T in keyof Database]: readonly (keyof Database[T] & string)[] }>;

export type EncryptedTable = keyof typeof encryptedColumns;

type RowIds = { rowId: string; organisationId: string };

function mapColumns<R extends object>(
  row: R,
  columns: readonly string[],
  transform: (column: string, value: string | null) => string | null,
): R {
  const out = { ...row } as Record<string, unknown>;
  for (const column of columns) {
    const value = out[column];
    // Absent keys stay absent so a partial update does not clear a column it does not name.
    if (typeof value === 'string' || value === null) out[column] = transform(column, value);
  }
  return out as R;
}

/** A copy of `row` with the table's encrypted columns sealed for this row and organisation. */
export const sealColumns = <R extends object>(keys: FieldKeys, table: EncryptedTable, ids: RowIds, row: R): R =>
  mapColumns(row, encryptedColumns[table], (column, value) => encryptNullable(keys, { table, column, ...ids }, value));

/** A copy of `row` with the table's encrypted columns opened; throws when one does not authenticate. */
export const openColumns = <R extends object>(keys: FieldKeys, table: EncryptedTable, ids: RowIds, row: R): R =>
  mapColumns(row, encryptedColumns[table], (column, value) => decryptNullable(keys, { table, column, ...ids }, value));
