import type { AppContext } from '../context.js';
import type { Logger } from '../logger.js';
import { backoffMs } from './job-queue.js';
import * as repo from './jobs.repository.js';
import { jobHandlers } from './job-handlers.js';

/** What a job handler gets: the app context with a child logger for this job, and the job's id. */
export type JobContext = AppContext & { jobId: string; attempt: number };
export type JobHandler = (ctx: JobContext, payload: Record<string, unknown>) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export type RunSummary = { succeeded: number; retried: number; failed: number };

// A worker that died mid-job leaves it running; after this long another worker may take it over.
const staleAfterMs = 10 * 60_000;

async function claimDue(ctx: AppContext, limit: number): Promise<repo.JobRow[]> {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - staleAfterMs).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const candidates = await repo.findClaimable(trx, now.toISOString(), staleBefore, limit);
    const claimed: repo.JobRow[] = [];
    for (const job of candidates) {
      if (await repo.claimJob(trx, job, now.toISOString())) claimed.push({ ...job, attempts: job.attempts + 1 });
    }
    return claimed;
  });
}

async function runOne(ctx: AppContext, handlers: JobHandlers, job: repo.JobRow): Promise<keyof RunSummary> {
  const logger: Logger = ctx.logger.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempts });
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    await handler({ ...ctx, logger, jobId: job.id, attempt: job.attempts }, JSON.parse(job.payload));
    await repo.finishJob(ctx.db, job.id, {
      status: 'done',
      last_error: null,
      run_at: job.run_at,
      updated_at: ctx.clock.now().toISOString(),
    });
    logger.info('job done');
    return 'succeeded';
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    const isFinal = job.attempts >= job.max_attempts;
    const now = ctx.clock.now();
    await repo.finishJob(ctx.db, job.id, {
      status: isFinal ? 'failed' : 'pending',
      last_error: message,
      run_at: isFinal ? job.run_at : new Date(now.getTime() + backoffMs(job.attempts)).toISOString(),
      updated_at: now.toISOString(),
    });
    logger.warn({ err: message, isFinal }, 'job failed');
    return isFinal ? 'failed' : 'retried';
  }
}

/** Claims the jobs due now and runs them one by one; failures are retried later with backoff. */
export async function runDueJobs(
  ctx: AppContext,
  handlers: JobHandlers = jobHandlers,
  limit = 50,
): Promise<RunSummary> {
  const summary: RunSummary = { succeeded: 0, retried: 0, failed: 0 };
  const jobs = await claimDue(ctx, limit);
  for (const job of jobs) summary[await runOne(ctx, handlers, job)] += 1;
  return summary;
}

/** Polls the queue every `intervalMs` until stopped; `beforeEach` may enqueue recurring jobs. */
export function startJobPoller(
  ctx: AppContext,
  handlers: JobHandlers,
  options: { intervalMs: number; beforeEach?: (ctx: AppContext) => Promise<void> },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const tick = (): void => {
    if (running) return;
    running = (async () => {
      await options.beforeEach?.(ctx);
      await runDueJobs(ctx, handlers);
    })()
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'job poll failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
