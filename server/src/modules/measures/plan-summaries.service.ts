import type { AppContext } from '../../platform/context.js';
import { isReviewOverdue } from './engine/reopen-plan.js';
import * as repo from './measures.repository.js';

/** Per officeholder of an organisation: plan owner, review date and whether the review is overdue. */
export async function planSummaries(
  ctx: AppContext,
  organisationId: string,
): Promise<Map<string, { planId: string; ownerUserId: string; reviewDueAt: string | null; isReviewOverdue: boolean }>> {
  const asOf = ctx.clock.now().toISOString();
  const rows = await repo.listPlans(ctx.db, ctx.config.encryptionKeys, organisationId);
  return new Map(
    rows.map((p) => [
      p.officeholder_id,
      {
        planId: p.id,
        ownerUserId: p.owner_user_id,
        reviewDueAt: p.review_due_at,
        isReviewOverdue: isReviewOverdue({ reviewDueAt: p.review_due_at, closedAt: p.closed_at }, asOf),
      },
    ]),
  );
}

/** The plan owner of an officeholder, if the officeholder has a plan. */
export async function planOwnerOf(
  ctx: AppContext,
  organisationId: string,
  officeholderId: string,
): Promise<string | null> {
  return (
    (await repo.findPlanOfOfficeholder(ctx.db, ctx.config.encryptionKeys, organisationId, officeholderId))
      ?.owner_user_id ?? null
  );
}
