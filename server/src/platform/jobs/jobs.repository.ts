import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobsTable } from './jobs.table.js';

export type JobRow = Selectable<JobsTable>;

/** Inserts a job; a job whose dedupe key is already taken is silently kept as it is. */
export async function insertJob(db: Db, row: Insertable<JobsTable>): Promise<void> {
  await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Pending jobs due at `now`, and running jobs whose worker vanished before `staleBefore`. */
export const findClaimable = (db: Db, now: string, staleBefore: string, limit: number): Promise<JobRow[]> =>
  db
    .selectFrom('jobs')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('locked_at', '<', staleBefore)]),
      ]),
    )
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Compare-and-set claim: only one worker moves a job from the state it read to running. */
export async function claimJob(db: Db, job: JobRow, now: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'running', locked_at: now, attempts: job.attempts + 1, updated_at: now })
    .where('id', '=', job.id)
    .where('status', '=', job.status)
    .where('attempts', '=', job.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishJob(
  db: Db,
  id: string,
  patch: Pick<JobRow, 'status' | 'last_error' | 'run_at' | 'updated_at'>,
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ ...patch, locked_at: null })
    .where('id', '=', id)
    .execute();
}

export const findJob = (db: Db, id: string): Promise<JobRow | undefined> =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
