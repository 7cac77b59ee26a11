/**
 * Worker thread of `import ftm`: reads, parses and validates a file into batches while the main
 * thread writes the previous ones. At most IN_FLIGHT batches wait unacknowledged, so memory
 * stays flat when the database is the slower side.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readFtmItemLists, type ReadProgress } from '../ftm-reader.js';
import { firstProblem, parseInBatches } from './entity-batch.js';
import type { ParseJob, WorkerMessage } from './parse-job.js';

const IN_FLIGHT = 2;

async function run(port: NonNullable<typeof parentPort>, job: ParseJob): Promise<void> {
  const send = (message: WorkerMessage): void => port.postMessage(message);
  let credits = IN_FLIGHT;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  send({ kind: 'ready' });
  const progress: ReadProgress = { bytes: 0 };
  const source = readFtmItemLists(job.path, progress);
  if (job.mode === 'validate') {
    send({ kind: 'checked', problem: await firstProblem(source, job.checks), progress: { ...progress } });
    return;
  }
  for await (const parsed of parseInBatches(source, job.batchSize, job.checks)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    send({ kind: 'batch', parsed, progress: { ...progress } });
  }
  send({ kind: 'done', progress: { ...progress } });
}

if (parentPort) {
  const port = parentPort;
  run(port, workerData as ParseJob).catch((error: unknown) => {
    port.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  });
}
