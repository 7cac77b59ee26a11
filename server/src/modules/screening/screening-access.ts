import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { grantedAccess } from '../sharing/sharing.service.js';
import { isOwnScreening, isRedCleared, isReasonRequired, mayChange, type ScreeningAccess } from './screening.policy.js';
import * as repo from './screening.repository.js';

/**
 * A screening the actor may see, and how: through the own organisation (a TLP:RED one only for
 * the user who ran it and people named in a live grant) or through live grants. Anything else is
 * not found, so a colleague cannot learn that a RED screening exists.
 */
export async function requireScreening(
  ctx: RequestContext,
  id: string,
): Promise<{ row: repo.ScreeningRow; access: ScreeningAccess }> {
  const row = await repo.findScreening(ctx.db, id);
  if (!row) throw notFound('screening');
  const granted = await grantedAccess(ctx, 'screening', id);
  const grantIds = granted?.grantIds ?? [];
  if (isOwnScreening(ctx.actor, row) && isRedCleared(ctx.actor, row, granted !== null)) {
    const via = 'organisation' as const;
    return {
      row,
      access: { via, purpose: null, sharedBy: null, isReasonRequired: isReasonRequired(row, via), grantIds },
    };
  }
  if (!granted) throw notFound('screening');
  const via = 'grant';
  const purpose = granted.purposes[0] ?? null;
  const access: ScreeningAccess = {
    via,
    purpose,
    sharedBy: granted.sharedBy,
    isReasonRequired: isReasonRequired(row, via),
    grantIds,
  };
  return { row, access };
}

/** A screening the actor's organisation owns and the actor may see (for decisions, conclusions and sharing). */
export async function requireOwnScreening(
  ctx: RequestContext,
  id: string,
): Promise<{ row: repo.ScreeningRow; access: ScreeningAccess }> {
  const found = await requireScreening(ctx, id);
  if (!mayChange(found.access)) throw notFound('screening');
  return found;
}
