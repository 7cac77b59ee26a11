/**
 * Drives the yente-compatible match route over real HTTP: a register imported into a
 * dataset, an API token of a Bibob-coördinator, then `concurrency` clients posting one
 * ground-truth query each per request for a fixed time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportFtm } from '../server/src/cli/entity-commands.js';
import { writeRegister } from '../server/src/modules/entities/generator/write-register.js';
import { createOrganisation } from '../server/src/modules/organisations/organisations.service.js';
import { createApiToken } from '../server/src/modules/users/users.service.js';
import { actingAs, buildUser } from '../server/test/support/factories.js';
import type { TestApp } from '../server/test/support/test-app.js';
import type { BenchOptions } from './options.js';
import { loadQueries } from './register-data.js';
import type { BenchQuery } from './register-data.js';
import type { PeerResult } from './results.js';
import { elapsedMs, summarise } from './stats.js';

const DATASET = 'bench-register';
const PERSONS = 20_000;

async function apiToken(test: TestApp): Promise<string> {
  const org = await createOrganisation(test.ctx, { slug: 'bench-b3', name: 'Benchmark B3', type: 'gemeente' });
  const user = await buildUser(test.ctx, org.id, ['bibob_coordinator']);
  const acting = await actingAs(test.ctx, user.id);
  const origin = { ip: '127.0.0.1', userAgent: 'weerbaar-bench', requestId: 'bench' };
  return (await createApiToken({ ...acting, origin }, { name: 'bench', expiresInDays: 1 })).token;
}

function matchBody(query: BenchQuery): string {
  const { names, birthDates, addresses } = query.example;
  const properties = {
    name: names,
    ...(birthDates ? { birthDate: birthDates } : {}),
    ...(addresses ? { address: addresses } : {}),
  };
  return JSON.stringify({ queries: { q: { schema: 'Person', properties } } });
}

/** Imports a register, then posts match requests for a fixed time and times each. */
export async function driveMatchRoute(test: TestApp, options: BenchOptions) {
  const persons = Math.min(options.persons, PERSONS);
  const dir = mkdtempSync(join(tmpdir(), 'weerbaar-b3-'));
  try {
    const file = join(dir, 'register.ftm.jsonl');
    await writeRegister(file, { persons, seed: options.seed });
    const token = await apiToken(test);
    await runImportFtm(test.ctx, file, { dataset: DATASET, org: 'bench-b3' }, { isTTY: false, write: () => true });
    const address = await test.app.listen({ host: '127.0.0.1', port: 0 });
    const url = `${address}/api/yente/match/${DATASET}`;
    const bodies = loadQueries(persons, options.seed, 500).map(matchBody);
    const headers = { 'content-type': 'application/json', authorization: `ApiKey ${token}` };
    const seconds = options.smoke ? 3 : 15;
    const concurrency = 4;
    const times: number[] = [];
    const failures: string[] = [];
    const began = process.hrtime.bigint();
    let next = 0;
    const client = async (): Promise<void> => {
      while (elapsedMs(began) < seconds * 1000) {
        const start = process.hrtime.bigint();
        const response = await fetch(url, { method: 'POST', headers, body: bodies[next++ % bodies.length] });
        await response.arrayBuffer();
        times.push(elapsedMs(start));
        if (!response.ok && failures.length < 5) failures.push(`B3 match request answered ${response.status}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const wallSeconds = elapsedMs(began) / 1000;
    const latency = { ...summarise(times), throughputQps: times.length / wallSeconds };
    const row: PeerResult = { peer: 'weerbaar HTTP', what: `POST ${url.replace(address, '')}`, status: 'ok', latency };
    return { row, persons, seconds, concurrency, failures };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
