import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { insertJob } from './jobs.repository.js';

export type EnqueueInput = {
  kind: string;
  payload: Record<string, unknown>;
  /** Defaults to now. */
  runAt?: Date;
  maxAttempts?: number;
  dedupeKey?: string;
};

/** Adds a job to the queue in the caller's transaction, so it exists only if the change commits. */
export async function enqueueJob(db: Db, clock: Clock, input: EnqueueInput): Promise<string> {
  const now = clock.now().toISOString();
  const id = newId();
  await insertJob(db, {
    id,
    kind: input.kind,
    payload: JSON.stringify(input.payload),
    status: 'pending',
    run_at: (input.runAt ?? clock.now()).toISOString(),
    attempts: 0,
    max_attempts: input.maxAttempts ?? 6,
    last_error: null,
    locked_at: null,
    dedupe_key: input.dedupeKey ?? null,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** Delay before attempt `attempts + 1`: 30 s doubling per attempt, at most one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
