/**
 * The access version: one counter that triggers move, in the writing transaction, on every write
 * that changes who may act or see what (API tokens, accounts' roles and status, grants, datasets,
 * organisations, match decisions, analyst flags; migration 20261129-0016, and on PostgreSQL at
 * commit, once per transaction, since 20261129-0019). Answers kept across requests — the
 * actor behind an API token, an organisation's visible datasets, its "same" clusters, the flags a reader sees — are stored
 * with the version they were read under and used only while the version is unchanged, so a
 * revocation or a new grant acts on the very next request, in every process. Reading it is one
 * primary-key lookup, compiled once.
 */
import { CompiledQuery } from 'kysely';
import type { Db } from './database.js';
import { CACHE_VERSION_ROW } from './migrations/20261129-0016-cache-version.js';

const versionQuery = CompiledQuery.raw(`select version from cache_versions where name = '${CACHE_VERSION_ROW}'`);

/** No version could be read: callers must not use or keep cached answers. */
export const UNKNOWN_VERSION = -1;

/** The current access version (UNKNOWN_VERSION when the row is missing). */
export async function readCacheVersion(db: Db): Promise<number> {
  const { rows } = await db.executeQuery<{ version: number | string }>(versionQuery);
  const version = Number(rows[0]?.version ?? UNKNOWN_VERSION);
  return Number.isSafeInteger(version) ? version : UNKNOWN_VERSION;
}

// The version an HTTP request read when it identified its API token, keyed by the actor object
// made for that one request, so later read steps of the request (visible datasets, clusters) use
// that reading instead of asking again. Actors that live longer (CLI, jobs, tests) are never
// remembered: their callers read afresh every time.
const seenBy = new WeakMap<object, number>();

/** Remembers the version read for one request (keyed by the actor object made for it alone). */
export function rememberCacheVersion(requestActor: object, version: number): void {
  seenBy.set(requestActor, version);
}

/** The version this request read already, else a fresh reading. */
export async function cacheVersionFor(db: Db, actor: object): Promise<number> {
  return seenBy.get(actor) ?? (await readCacheVersion(db));
}
