import { invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import { displayNames } from '../users/users.service.js';
import {
  entityKey,
  latestDecisions,
  normalisePair,
  resolveClusters,
  splitEntityKey,
  type Clusters,
  type PairDecision,
} from './cluster-resolver.js';
import type { CreateDecisionInput, MatchDecisionDto } from './entities.schema.js';
import { datasetAccess } from './datasets.service.js';
import * as repo from './entities.repository.js';

const toPair = (r: repo.MatchDecisionRow): PairDecision => ({
  id: r.id,
  left: entityKey(r.left_dataset_id, r.left_entity_id),
  right: entityKey(r.right_dataset_id, r.right_entity_id),
  decision: r.decision,
  at: r.decided_at,
});

/** The actor's organisation's "same" clusters; every answer about entities resolves through them. */
export async function clustersFor(ctx: RequestContext): Promise<Clusters> {
  // Decisions are made by people, so an organisation has thousands at most: read them all.
  const rows = await repo.decisionsOfOrganisation(ctx.db, ctx.actor.organisationId);
  return resolveClusters(rows.map(toPair));
}

async function requireVisibleEntity(ctx: RequestContext, datasetId: string, entityId: string): Promise<void> {
  await datasetAccess(ctx, datasetId);
  if (!(await repo.findEntity(ctx.db, datasetId, entityId))) throw notFound('entity');
}

/** Records an analyst's decision on a pair; earlier decisions stay, the newest counts. */
export async function decideMatch(ctx: RequestContext, input: CreateDecisionInput): Promise<MatchDecisionDto> {
  const a = entityKey(input.left.datasetId, input.left.entityId);
  const b = entityKey(input.right.datasetId, input.right.entityId);
  if (a === b) throw invalid('right', 'an entity cannot be matched with itself');
  await requireVisibleEntity(ctx, input.left.datasetId, input.left.entityId);
  await requireVisibleEntity(ctx, input.right.datasetId, input.right.entityId);
  const [left, right] = normalisePair(a, b).map(splitEntityKey) as [
    ReturnType<typeof splitEntityKey>,
    ReturnType<typeof splitEntityKey>,
  ];
  const row = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    left_dataset_id: left.datasetId,
    left_entity_id: left.entityId,
    right_dataset_id: right.datasetId,
    right_entity_id: right.entityId,
    decision: input.decision,
    note: input.note?.trim() || null,
    decided_by_user_id: ctx.actor.userId,
    decided_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDecision(trx, row);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'entity.match_decision',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'entity',
      objectId: a,
      details: { other: b, decision: input.decision },
      origin: ctx.origin,
    });
  });
  return (await toDtos(ctx, [row], new Set([row.id])))[0] as MatchDecisionDto;
}

/** Every decision the actor's organisation made about an entity, newest first, marking the ones that count. */
export async function listDecisions(
  ctx: RequestContext,
  datasetId: string,
  entityId: string,
): Promise<MatchDecisionDto[]> {
  await datasetAccess(ctx, datasetId);
  const rows = await repo.decisionsOfEntity(ctx.db, ctx.actor.organisationId, datasetId, entityId);
  const current = new Set([...latestDecisions(rows.map(toPair)).values()].map((d) => d.id));
  return toDtos(ctx, rows, current);
}

async function toDtos(
  ctx: RequestContext,
  rows: repo.MatchDecisionRow[],
  current: Set<string>,
): Promise<MatchDecisionDto[]> {
  const names = await displayNames(
    ctx,
    rows.map((r) => r.decided_by_user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    left: { datasetId: r.left_dataset_id, id: r.left_entity_id },
    right: { datasetId: r.right_dataset_id, id: r.right_entity_id },
    decision: r.decision,
    note: r.note,
    decidedBy: names.get(r.decided_by_user_id) ?? '—',
    decidedAt: r.decided_at,
    isCurrent: current.has(r.id),
  }));
}
