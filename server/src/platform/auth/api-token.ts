/**
 * API-token authentication on the request's hot path. Every request reads the token and its
 * account afresh (one indexed join, no cache across requests), so a revoked or expired token or
 * a deactivated account or changed roles act on the very next request, in every app process.
 * Only the `last_used_at` bookkeeping is thinned out: it is written when it is more than a
 * minute old (as sessions' `last_seen_at`), not on every call, so a busy API client does not
 * pay a durable write per request.
 */
import type { AppContext } from '../context.js';
import type { Actor } from '../access/actor.js';
import { sha256Hex } from '../ids.js';
import { actorFor } from '../../modules/users/users.service.js';

/** Every API token starts so; anything else is refused without a lookup. */
export const API_TOKEN_PREFIX = 'wbt_';
/** How stale `last_used_at` may get before a use writes it again. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind an API token, or null when it is unknown, revoked or expired or its account may not act. */
export async function actorForApiToken(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await ctx.db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select(['t.id as token_id', 't.expires_at as token_expires_at', 't.revoked_at as token_revoked_at'])
    .select('t.last_used_at as token_last_used_at')
    .where('t.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  if (!row || row.token_revoked_at !== null || (row.token_expires_at !== null && row.token_expires_at <= nowIso)) {
    return null;
  }
  const actor = actorFor(row, 'api_token', `token:${row.token_id}`);
  if (isStale(row.token_last_used_at, now)) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: nowIso }).where('id', '=', row.token_id).execute();
  }
  return actor;
}

function isStale(lastUsedAt: string | null, now: Date): boolean {
  if (lastUsedAt === null) return true;
  const last = Date.parse(lastUsedAt);
  return !Number.isFinite(last) || now.getTime() - last >= LAST_USED_RESOLUTION_MS || last > now.getTime();
}
