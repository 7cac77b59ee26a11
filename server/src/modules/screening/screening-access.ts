import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { grantedAccess } from '../sharing/sharing.service.js';
import { isOwnScreening, mayChange, type ScreeningAccess } from './screening.policy.js';
import * as repo from './screening.repository.js';

/** A screening the actor may see (own organisation or live grant); anything else is not found. */
export async function requireScreening(
  ctx: RequestContext,
  id: string,
): Promise<{ row: repo.ScreeningRow; access: ScreeningAccess }> {
  const row = await repo.findScreening(ctx.db, id);
  if (!row) throw notFound('screening');
  if (isOwnScreening(ctx.actor, row)) return { row, access: { via: 'organisation', purpose: null, sharedBy: null } };
  const granted = await grantedAccess(ctx, 'screening', id);
  if (!granted) throw notFound('screening');
  return { row, access: { via: 'grant', purpose: granted.purposes[0] ?? null, sharedBy: granted.sharedBy } };
}

/** A screening the actor's organisation owns (for decisions, conclusions and sharing). */
export async function requireOwnScreening(ctx: RequestContext, id: string): Promise<repo.ScreeningRow> {
  const { row, access } = await requireScreening(ctx, id);
  if (!mayChange(access)) throw notFound('screening');
  return row;
}
