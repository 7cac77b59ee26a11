/**
 * API-token authentication on the request's hot path. The actor behind a token is kept in a small
 * per-process cache keyed by the token's SHA-256 (never the secret itself), stored with the access
 * version it was read under (db/cache-version.ts). Every request reads that version — one
 * primary-key lookup — and uses a kept actor only while it is unchanged: revoking or expiring a
 * token, deactivating its account or changing its roles or organisation moves the version in the
 * same transaction, so it acts on the very next request, in every app process. Expiry by time is
 * checked on every use; an entry is also dropped after CACHE_TTL_MS whatever the version says.
 * Failures are never kept: an unknown token costs the same lookup every time.
 * Only the `last_used_at` bookkeeping is thinned out: it is written when it is more than a
 * minute old (as sessions' `last_seen_at`), not on every call.
 */
import type { AppContext } from '../context.js';
import type { Actor } from '../access/actor.js';
import { sha256Hex } from '../ids.js';
import type { Db } from '../../db/database.js';
import { readCacheVersion, rememberCacheVersion, UNKNOWN_VERSION } from '../../db/cache-version.js';
import { PerDbCache } from '../../db/access-cache.js';
import { actorFor } from '../../modules/users/users.service.js';

/** Every API token starts so; anything else is refused without a lookup. */
export const API_TOKEN_PREFIX = 'wbt_';
/** How stale `last_used_at` may get before a use writes it again. */
export const LAST_USED_RESOLUTION_MS = 60_000;
/** Longest an actor is kept, even with an unchanged access version. */
export const CACHE_TTL_MS = 60_000;
/** Most tokens kept per process; the oldest entry goes first. */
const CACHE_SIZE = 10_000;

type Kept = {
  version: number;
  storedAt: number;
  actor: Actor;
  tokenId: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

// Per database handle, so several apps in one process (tests) never share actors.
const cache = new PerDbCache<Kept>(CACHE_SIZE);

const isExpired = (expiresAt: string | null, nowIso: string): boolean => expiresAt !== null && expiresAt <= nowIso;

/** The actor behind an API token, or null when it is unknown, revoked or expired or its account may not act. */
export async function actorForApiToken(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const hash = sha256Hex(token);
  // Read before the token, so a change committed in between makes the kept entry stale.
  const version = await readCacheVersion(ctx.db);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  let kept = cache.get(ctx.db, hash);
  if (
    kept &&
    (kept.version !== version ||
      version === UNKNOWN_VERSION ||
      now.getTime() - kept.storedAt >= CACHE_TTL_MS ||
      now.getTime() < kept.storedAt)
  ) {
    cache.delete(ctx.db, hash);
    kept = undefined;
  }
  kept ??= await lookUp(ctx, hash, version, now.getTime());
  if (!kept || isExpired(kept.expiresAt, nowIso)) return null;
  if (isStale(kept.lastUsedAt, now)) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', kept.tokenId).execute();
    kept.lastUsedAt = nowIso;
  }
  // A copy per request: the request's own reading of the version travels with it.
  const actor: Actor = { ...kept.actor };
  rememberCacheVersion(actor, version);
  return actor;
}

/** Reads the token and its account; keeps only a usable result. */
async function lookUp(ctx: AppContext, hash: string, version: number, nowMs: number): Promise<Kept | undefined> {
  const row = await ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as token_id', 't.expires_at as token_expires_at', 't.revoked_at as token_revoked_at'])
    .select('t.last_used_at as token_last_used_at')
    .where('t.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.token_revoked_at !== null) return undefined;
  const actor = actorFor(row, 'api_token', `token:${row.token_id}`);
  if (!actor) return undefined;
  const kept: Kept = {
    version,
    storedAt: nowMs,
    actor,
    tokenId: row.token_id,
    expiresAt: row.token_expires_at,
    lastUsedAt: row.token_last_used_at,
  };
  if (version !== UNKNOWN_VERSION) cache.set(ctx.db, hash, kept);
  return kept;
}

function isStale(lastUsedAt: string | null, now: Date): boolean {
  if (lastUsedAt === null) return true;
  const last = Date.parse(lastUsedAt);
  return !Number.isFinite(last) || now.getTime() - last >= LAST_USED_RESOLUTION_MS || last > now.getTime();
}

/** Drops every kept actor of this database handle (for tests and operators). */
export function forgetApiTokenActors(db: Db): void {
  cache.clear(db);
}
