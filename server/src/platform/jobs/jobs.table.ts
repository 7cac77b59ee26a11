export const jobStatuses = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export type JobsTable = {
  id: string;
  kind: string;
  /** JSON object handed to the job's handler; never secrets beyond what the handler needs. */
  payload: string;
  status: JobStatus;
  run_at: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_at: string | null;
  /** Unique while set: enqueuing the same key twice keeps one job (daily scans). */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
};
