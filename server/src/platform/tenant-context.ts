import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The organisation a piece of work runs for, carried through async calls. Request handlers run
 * inside `runAsTenant` (see app.ts); work outside any request — boot, seed, CLI, jobs — is the
 * system ('*'). On PostgreSQL every connection checkout hands this value to the row-level
 * security policies, so a query that forgets its tenant filter still sees only its tenant.
 */
const storage = new AsyncLocalStorage<{ tenant: string }>();

export const systemTenant = '*';

/** Runs `fn` for one organisation ('' for a request without a signed-in actor: sees no tenant rows). */
export function runAsTenant<T>(tenant: string, fn: () => T): T {
  return storage.run({ tenant }, fn);
}

/** The tenant of the current async context. */
export function currentTenant(): string {
  return storage.getStore()?.tenant ?? systemTenant;
}
