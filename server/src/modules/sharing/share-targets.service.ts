import type { RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

/**
 * The directory a sharer picks from: active organisations, and the display names of an
 * organisation's active accounts (to name people for TLP:RED). Names only: no e-mail, no roles.
 */
export async function listShareTargets(ctx: RequestContext): Promise<{ id: string; name: string; type: string }[]> {
  return ctx.db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('active', '=', 1)
    .where('type', '<>', 'beheer')
    .orderBy('name')
    .execute();
}

/** Display names of the active accounts of one organisation. */
export async function listShareTargetUsers(
  ctx: RequestContext,
  organisationId: string,
): Promise<{ id: string; displayName: string }[]> {
  const org = await ctx.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!org) throw notFound('organisation');
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('active', '=', 1)
    .orderBy('display_name')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
