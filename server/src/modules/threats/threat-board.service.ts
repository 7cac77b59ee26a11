import type { RequestContext } from '../../platform/context.js';
import { listOfficeholders } from '../officeholders/officeholders.service.js';
import { planSummaries } from '../measures/plan-summaries.service.js';
import { defaultThreatConfig } from './engine/threat-config.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { BoardItem } from './threats.schema.js';
import * as repo from './threats.repository.js';

const rank = (level: string | null): number =>
  level ? defaultThreatConfig.scale.findIndex((l) => l.code === level) : -1;

function trendOf(current: string | null, previous: string | null): BoardItem['trend'] {
  if (!current) return 'none';
  if (!previous) return 'new';
  const step = rank(current) - rank(previous);
  return step > 0 ? 'up' : step < 0 ? 'down' : 'same';
}

// What needs attention comes first: an overdue review or an expired assessment, then the highest level.
function compareItems(a: BoardItem, b: BoardItem): number {
  const attention = (i: BoardItem): number => (i.isReviewOverdue || i.isAssessmentExpired ? 1 : 0);
  return (
    attention(b) - attention(a) ||
    rank(b.currentLevel) - rank(a.currentLevel) ||
    a.fullName.localeCompare(b.fullName, 'nl')
  );
}

/** All active officeholders of the organisation by current level and trend, overdue reviews first. */
export async function threatBoard(ctx: RequestContext): Promise<BoardItem[]> {
  const organisationId = ctx.actor.organisationId;
  const [officeholders, levels, plans] = await Promise.all([
    listOfficeholders(ctx, false),
    repo.listLevelsOfOrganisation(ctx.db, organisationId),
    planSummaries(ctx, organisationId),
  ]);
  const history = new Map<string, typeof levels>();
  for (const l of levels) history.set(l.officeholder_id, [...(history.get(l.officeholder_id) ?? []), l]);
  const asOf = ctx.clock.now().toISOString();
  const items = officeholders.map((o): BoardItem => {
    const [latest, previous] = history.get(o.id) ?? [];
    const plan = plans.get(o.id);
    return {
      officeholderId: o.id,
      fullName: o.fullName,
      office: o.office,
      currentLevel: latest?.decided_level ?? null,
      previousLevel: previous?.decided_level ?? null,
      trend: trendOf(latest?.decided_level ?? null, previous?.decided_level ?? null),
      assessedAt: latest?.assessed_at ?? null,
      validUntil: latest?.valid_until ?? null,
      isAssessmentExpired: latest ? latest.valid_until < asOf : false,
      reviewDueAt: plan?.reviewDueAt ?? null,
      isReviewOverdue: plan?.isReviewOverdue ?? false,
    };
  });
  await recordBoardRead(ctx, items.length);
  return items.sort(compareItems);
}

async function recordBoardRead(ctx: RequestContext, count: number): Promise<void> {
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'threat.board',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'threat_board',
    details: { count },
    origin: ctx.origin,
  });
}
