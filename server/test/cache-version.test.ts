import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, isPostgresRun, type TestApp } from './support/test-app.js';
import { buildOrganisation } from './support/factories.js';
import { readCacheVersion } from '../src/db/cache-version.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('the access version under concurrent writers', () => {
  // SQLite runs one writing transaction at a time, so only PostgreSQL has writers to interleave.
  it.skipIf(!isPostgresRun)(
    'lets two transactions that change access and wait on each other’s rows both commit, moving the version once each',
    async () => {
      const a = await buildOrganisation(t.ctx, { name: 'Gemeente A' });
      const b = await buildOrganisation(t.ctx, { name: 'Gemeente B' });
      const before = await readCacheVersion(t.ctx.db);
      const rename = (trx: typeof t.ctx.db, id: string, name: string) =>
        trx.updateTable('organisations').set({ name }).where('id', '=', id).execute();

      let secondHasWritten: () => void = () => undefined;
      const written = new Promise<void>((resolve) => (secondHasWritten = resolve));
      // The first renames A, then B — which the second holds until it commits. Had the counter been
      // locked at the first write, the second would wait for it while holding B: a deadlock.
      const first = t.ctx.db.transaction().execute(async (trx) => {
        await rename(trx, a.id, 'Gemeente A (1)');
        await rename(trx, a.id, 'Gemeente A (2)');
        await Promise.race([written, pause(1_000)]);
        await rename(trx, b.id, 'Gemeente B (first)');
      });
      const second = t.ctx.db.transaction().execute(async (trx) => {
        await pause(50);
        await rename(trx, b.id, 'Gemeente B (second)');
        secondHasWritten();
        await pause(300);
      });
      await expect(Promise.all([first, second])).resolves.toBeDefined();

      const names = await t.ctx.db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', 'in', [a.id, b.id])
        .execute();
      expect(Object.fromEntries(names.map((o) => [o.id, o.name]))).toEqual({
        [a.id]: 'Gemeente A (2)',
        [b.id]: 'Gemeente B (first)',
      });
      // One move per committed transaction, however many rows or statements it wrote.
      expect(await readCacheVersion(t.ctx.db)).toBe(before + 2);
    },
  );

  it('does not move when the transaction rolls back', async () => {
    const org = await buildOrganisation(t.ctx);
    const before = await readCacheVersion(t.ctx.db);
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('organisations').set({ name: 'Nooit' }).where('id', '=', org.id).execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await readCacheVersion(t.ctx.db)).toBe(before);
  });
});
