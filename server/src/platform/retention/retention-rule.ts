import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { ShareableRecordType } from '../../modules/sharing/sharing.table.js';

/** A record past its retention period, as listed (the owner goes into the tombstone). */
export type ExpiredRecord = { id: string; organisation_id: string };

/** Numbers only, per kind of row removed, so they can go into a tombstone. */
export type DeletedCounts = Record<string, number>;

/** Either a batch of expired records, or the one record to check again inside its deletion. */
export type ExpiredScope = { limit: number } | { id: string };

/**
 * One record class under retention: which of its records are expired at `cutoff` (the same
 * query lists a batch and re-checks one record inside its deletion transaction), and how a
 * record is deleted with everything hanging off it.
 */
export type RetentionRule = {
  /** Named in the tombstone, so a DPO can see why the record went. */
  name: string;
  /** The audit object type of the record. */
  objectType: string;
  days: (config: Config) => number;
  findExpired: (db: Db, cutoff: string, scope: ExpiredScope) => Promise<ExpiredRecord[]>;
  deleteRecord: (db: Db, record: ExpiredRecord) => Promise<DeletedCounts>;
};

export const deletedRows = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

/** Deletes every grant on a record (live or not) with its named users; returns how many grants went. */
export async function deleteGrantsOf(db: Db, recordType: ShareableRecordType, recordId: string): Promise<number> {
  const grantIds = db
    .selectFrom('grants')
    .select('id')
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId);
  await db.deleteFrom('grant_users').where('grant_id', 'in', grantIds).execute();
  return deletedRows(
    await db
      .deleteFrom('grants')
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .executeTakeFirstOrThrow(),
  );
}
