/**
 * Drives the yente-compatible match route (and the stored screening route) over real HTTP: a
 * register imported into a dataset, an API token of a Bibob-coördinator, then a load client in
 * its own process (b3-client.ts) with `concurrency` keep-alive connections posting one
 * ground-truth query per request for a fixed time. The server (this process) reads its own CPU
 * clock over the timed window, so "per core" is answered requests per server CPU-second, not
 * only per wall second on a machine that others share.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImportFtm } from '../server/src/cli/entity-commands.js';
import { writeRegister } from '../server/src/modules/entities/generator/write-register.js';
import { createOrganisation } from '../server/src/modules/organisations/organisations.service.js';
import { auditWriteStats } from '../server/src/modules/screening/yente/yente-audit.js';
import { createApiToken } from '../server/src/modules/users/users.service.js';
import { actingAs, buildUser } from '../server/test/support/factories.js';
import type { TestApp } from '../server/test/support/test-app.js';
import type { ClientMessage, LoadJob, LoadResult, ParentMessage } from './b3-client.js';
import type { BenchOptions } from './options.js';
import { loadQueries } from './register-data.js';
import type { BenchQuery } from './register-data.js';
import type { PeerResult } from './results.js';
import { elapsedMs, summarise } from './stats.js';

const DATASET = 'bench-register';
const PERSONS = 20_000;
const CONCURRENCY = 4;

async function apiToken(test: TestApp): Promise<string> {
  const org = await createOrganisation(test.ctx, { slug: 'bench-b3', name: 'Benchmark B3', type: 'gemeente' });
  const user = await buildUser(test.ctx, org.id, ['bibob_coordinator']);
  const acting = await actingAs(test.ctx, user.id);
  const origin = { ip: '127.0.0.1', userAgent: 'weerbaar-bench', requestId: 'bench' };
  return (await createApiToken({ ...acting, origin }, { name: 'bench', expiresInDays: 1 })).token;
}

function properties(query: BenchQuery): Record<string, string[]> {
  const { names, birthDates, addresses } = query.example;
  return {
    name: names,
    ...(birthDates ? { birthDate: birthDates } : {}),
    ...(addresses ? { address: addresses } : {}),
  };
}

const matchBody = (query: BenchQuery): string =>
  JSON.stringify({ queries: { q: { schema: 'Person', properties: properties(query) } } });

const screeningBody = (query: BenchQuery): string =>
  JSON.stringify({ subject: { schema: 'Person', properties: properties(query) }, purpose: 'Benchmark B3' });

/** The load client as a child process; the same tsx loader, without a profiler of its own. */
function forkClient(): ChildProcess {
  const script = fileURLToPath(new URL('./b3-client.ts', import.meta.url));
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--cpu-prof') && !a.startsWith('--inspect'));
  return fork(script, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/** Asks the client to leave and waits for it; one that hangs is killed (by its own handle). */
async function stopClient(client: ChildProcess): Promise<void> {
  if (client.exitCode !== null || client.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => client.once('exit', () => resolve()));
  if (client.connected) client.send({ type: 'exit' } satisfies ParentMessage);
  const timer = setTimeout(() => client.kill(), 5_000);
  await exited;
  clearTimeout(timer);
}

type Measured = { result: LoadResult; serverCpuSeconds: number };

/**
 * With B3_CPU_PROFILE=<file prefix>, the server's CPU profile of each timed window (not of the
 * import and warm-up) is written to `<prefix>-<job>.cpuprofile` for Chrome DevTools or speedscope.
 */
async function startProfile(): Promise<Session | null> {
  if (!process.env['B3_CPU_PROFILE']) return null;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfile(session: Session | null, name: string): Promise<void> {
  if (!session) return;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`${process.env['B3_CPU_PROFILE'] ?? 'b3'}-${name}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
}

/** The client's next message, or an error when it fails, exits or stays silent past `limitMs`. */
function nextMessage(client: ChildProcess, limitMs: number): Promise<ClientMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`load client gave no answer within ${limitMs} ms`)), limitMs);
    const onExit = (code: number | null): void => finish(new Error(`load client exited (${code ?? 'signal'})`));
    const onMessage = (message: ClientMessage): void =>
      message.type === 'failed' ? finish(new Error(`load client failed: ${message.message}`)) : finish(null, message);
    function finish(error: Error | null, message?: ClientMessage): void {
      clearTimeout(timer);
      client.off('message', onMessage);
      client.off('exit', onExit);
      if (error || !message) reject(error ?? new Error('no message'));
      else resolve(message);
    }
    client.on('message', onMessage);
    client.once('exit', onExit);
  });
}

/** Runs one job on the client; the server's CPU time is read when the timed window begins and ends. */
async function runJob(client: ChildProcess, name: string, job: LoadJob): Promise<Measured> {
  const slack = job.timeoutMs + 30_000;
  const began = nextMessage(client, job.warmupSeconds * 1000 + slack);
  client.send(job satisfies ParentMessage);
  if ((await began).type !== 'began') throw new Error('load client skipped its warm-up');
  const done = nextMessage(client, job.seconds * 1000 + slack);
  const cpu = process.cpuUsage();
  const session = await startProfile();
  const result = await done;
  const used = process.cpuUsage(cpu);
  await stopProfile(session, name);
  if (result.type !== 'done') throw new Error('load client answered out of turn');
  return { result, serverCpuSeconds: (used.user + used.system) / 1e6 };
}

function rowOf(peer: string, route: string, { result, serverCpuSeconds }: Measured): PeerResult {
  const answered = result.times.length;
  const perCpuSecond = serverCpuSeconds > 0 ? answered / serverCpuSeconds : 0;
  return {
    peer,
    what: `POST ${route}`,
    status: result.errors > 0 ? 'failed' : 'ok',
    ...(result.errors > 0 ? { message: `${result.errors} error(s), first: ${result.errorSamples[0] ?? '?'}` } : {}),
    latency: { ...summarise(result.times), throughputQps: answered / result.wallSeconds },
    extra: {
      requestsPerServerCpuSecond: Math.round(perCpuSecond),
      serverCpuSeconds: Number(serverCpuSeconds.toFixed(2)),
      serverCoresBusy: Number((serverCpuSeconds / result.wallSeconds).toFixed(2)),
      clientCpuSeconds: Number(result.clientCpuSeconds.toFixed(2)),
      wallSeconds: Number(result.wallSeconds.toFixed(2)),
      errors: result.errors,
      emptyAnswers: result.emptyAnswers,
    },
  };
}

const withExtra = (row: PeerResult, extra: Record<string, number>): PeerResult => ({
  ...row,
  extra: { ...row.extra, ...extra },
});

/** Imports a register, warms the engines, then drives the match route and the screening route. */
export async function driveMatchRoute(test: TestApp, options: BenchOptions) {
  const persons = Math.min(options.persons, PERSONS);
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-b3-'));
  let client: ChildProcess | null = null;
  try {
    const file = join(dir, 'register.ftm.jsonl');
    await writeRegister(file, { persons, seed: options.seed });
    const token = await apiToken(test);
    await runImportFtm(test.ctx, file, { dataset: DATASET, org: 'bench-b3' }, { isTTY: false, write: () => true });
    const queries = loadQueries(persons, options.seed, 500);
    const matchRoute = `/api/yente/match/${DATASET}`;
    const headers = { 'content-type': 'application/json', authorization: `ApiKey ${token}` };
    // The first request builds the dataset's engines (yente, too, indexes before it serves).
    const warmStart = process.hrtime.bigint();
    const [sample] = queries;
    if (!sample) throw new Error('B3 has no queries');
    const first = await test.app.inject({ method: 'POST', url: matchRoute, headers, payload: matchBody(sample) });
    const engineBuildMs = elapsedMs(warmStart);
    if (first.statusCode !== 200) throw new Error(`B3 warm-up request answered ${first.statusCode}: ${first.body}`);
    const address = await test.app.listen({ host: '127.0.0.1', port: 0 });
    client = forkClient();
    const seconds = options.smoke ? 2 : 15;
    const common = { type: 'job', headers, concurrency: CONCURRENCY, timeoutMs: 10_000 } as const;
    const audits = auditWriteStats(test.ctx.db);
    const match = await runJob(client, 'match', {
      ...common,
      url: `${address}${matchRoute}`,
      bodies: queries.map(matchBody),
      warmupSeconds: options.smoke ? 0.5 : 2,
      seconds,
      expectStatus: 200,
      nonEmptyMarker: '"results":[{',
    });
    const audited = auditWriteStats(test.ctx.db);
    const perCommit = (from: typeof audits, to: typeof audits): number =>
      Number(((to.events - from.events) / Math.max(1, to.commits - from.commits)).toFixed(2));
    const stored = await runJob(client, 'screening', {
      ...common,
      url: `${address}/api/v1/screenings`,
      bodies: queries.map(screeningBody),
      warmupSeconds: options.smoke ? 0.3 : 1,
      seconds: options.smoke ? 1 : 10,
      expectStatus: 201,
      nonEmptyMarker: '"candidates":[{',
    });
    const storedAudited = auditWriteStats(test.ctx.db);
    const failures = [match, stored].flatMap(({ result }) => [
      ...(result.errors > 0 ? [`B3: ${result.errors} request(s) failed: ${result.errorSamples.join('; ')}`] : []),
      // Every query is a planted variant of a registered person: an answer without candidates is wrong.
      ...(result.emptyAnswers > result.times.length * 0.01
        ? [`B3: ${result.emptyAnswers} of ${result.times.length} answers had no candidate`]
        : []),
    ]);
    return {
      match: withExtra(rowOf('weerbaar HTTP match', '/api/yente/match/{dataset}', match), {
        auditEventsPerCommit: perCommit(audits, audited),
      }),
      // Screenings and their audit events commit together (group commit), so this is rows per transaction.
      screening: withExtra(rowOf('weerbaar HTTP screening', '/api/v1/screenings (stored)', stored), {
        auditEventsPerCommit: perCommit(audited, storedAudited),
      }),
      persons,
      seconds,
      concurrency: CONCURRENCY,
      engineBuildMs,
      failures,
    };
  } finally {
    if (client) await stopClient(client);
    rmSync(dir, { recursive: true, force: true });
  }
}
