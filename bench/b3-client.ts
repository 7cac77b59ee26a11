/**
 * B3's load client, run as its own process (forked by b3-drive.ts) so the server keeps a core
 * to itself. It takes one job at a time over IPC: `concurrency` keep-alive connections each
 * post the bodies in turn, untimed for `warmupSeconds`, then timed for `seconds`. It tells the
 * parent when the timed window begins (so the parent can read its own CPU clock then) and
 * answers with every latency. Only node:http: nothing to install, little client overhead.
 */
import http from 'node:http';

export interface LoadJob {
  type: 'job';
  url: string;
  headers: Record<string, string>;
  bodies: string[];
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
  /** A request taking longer than this counts as an error (and its connection is dropped). */
  timeoutMs: number;
  /** Status the route answers on success (200 for /match, 201 for a stored screening). */
  expectStatus: number;
  /** Text a successful answer with at least one candidate contains (counts answers without one). */
  nonEmptyMarker: string;
}

export interface LoadResult {
  type: 'done';
  times: number[];
  errors: number;
  /** Successful timed answers without a single candidate (the queries are planted variants). */
  emptyAnswers: number;
  /** Up to five distinct error descriptions (status codes, socket errors). */
  errorSamples: string[];
  wallSeconds: number;
  /** CPU seconds (user + system) this client process spent in the timed window. */
  clientCpuSeconds: number;
}

export type ClientMessage = { type: 'began' } | LoadResult | { type: 'failed'; message: string };
export type ParentMessage = LoadJob | { type: 'exit' };

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string, timeoutMs: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

async function runJob(job: LoadJob, send: (m: ClientMessage) => void): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.url);
  const times: number[] = [];
  const samples = new Set<string>();
  let errors = 0;
  let emptyAnswers = 0;
  let next = 0;
  const note = (text: string): void => {
    errors++;
    if (samples.size < 5) samples.add(text);
  };
  const phase = async (seconds: number, timed: boolean): Promise<void> => {
    const began = process.hrtime.bigint();
    const worker = async (): Promise<void> => {
      while (elapsedMs(began) < seconds * 1000) {
        const body = job.bodies[next++ % job.bodies.length] ?? '{}';
        const start = process.hrtime.bigint();
        try {
          const answer = await post(agent, url, job.headers, body, job.timeoutMs);
          if (!timed) continue;
          times.push(elapsedMs(start));
          if (answer.status !== job.expectStatus) note(`answered ${answer.status}: ${answer.body.slice(0, 120)}`);
          else if (!answer.body.includes(job.nonEmptyMarker)) emptyAnswers++;
        } catch (error) {
          if (timed) note(error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  };
  try {
    await phase(job.warmupSeconds, false);
    send({ type: 'began' });
    const cpu = process.cpuUsage();
    const began = process.hrtime.bigint();
    await phase(job.seconds, true);
    const wallSeconds = elapsedMs(began) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      type: 'done',
      times,
      errors,
      emptyAnswers,
      errorSamples: [...samples],
      wallSeconds,
      clientCpuSeconds: (used.user + used.system) / 1e6,
    };
  } finally {
    agent.destroy();
  }
}

function main(): void {
  if (!process.send) throw new Error('b3-client runs as a child process of the B3 benchmark');
  const send = (message: ClientMessage): void => void process.send?.(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'exit') {
      process.disconnect();
      return;
    }
    runJob(message, send).then(send, (error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // A parent that goes away takes the client with it.
  process.on('disconnect', () => process.exit(0));
}

main();
