import { invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOfficeholder } from '../officeholders/officeholders.service.js';
import { displayNames } from '../users/users.service.js';
import { completeTasksFor } from '../tasks/tasks.service.js';
import { applyThreatLevel, type PlanChange } from '../measures/plan-reopen.service.js';
import type { ThreatAdvice } from './engine/assess-threat.js';
import { defaultThreatConfig } from './engine/threat-config.js';
import { compareDecision } from './engine/threat-decision.js';
import type { FactorCoding } from './engine/threat-input.js';
import { adviseLevel } from './threat-advice.service.js';
import type { AssessmentDto, CreateAssessmentInput } from './threats.schema.js';
import * as repo from './threats.repository.js';

const endOfDay = (date: string): string => `${date}T23:59:59.999Z`;

/** Audits a threat action as the actor, in the given transaction. */
export function auditThreat(
  ctx: RequestContext,
  db: AppContext['db'],
  action: string,
  officeholderId: string,
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'officeholder',
    objectId: officeholderId,
    details,
    origin: ctx.origin,
  });
}

function toDto(row: repo.AssessmentRow, names: Map<string, string>, asOf: string): AssessmentDto {
  const advice = JSON.parse(row.advice) as ThreatAdvice;
  const compared = compareDecision(advice, row.decided_level);
  return {
    id: row.id,
    officeholderId: row.officeholder_id,
    assessedBy: { id: row.assessed_by_user_id, displayName: names.get(row.assessed_by_user_id) ?? '—' },
    assessedAt: row.assessed_at,
    advice,
    decidedLevel: row.decided_level,
    decisionReason: row.decision_reason,
    direction: compared.ok ? compared.value.direction : 'same',
    factors: JSON.parse(row.factors) as FactorCoding,
    product: row.product,
    authority: row.authority,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    isExpired: row.valid_until < asOf,
  };
}

/** The factors to use: those given, else the officeholder's stored profile, else all unknown. */
async function factorsFor(
  ctx: RequestContext,
  officeholderId: string,
  given: FactorCoding | undefined,
): Promise<FactorCoding> {
  if (given) return given;
  const profile = await repo.findProfile(ctx.db, ctx.actor.organisationId, officeholderId);
  return profile ? (JSON.parse(profile.factors) as FactorCoding) : {};
}

/** The engine's explained advice for an officeholder without storing anything (audited as a read). */
export async function previewAdvice(
  ctx: RequestContext,
  officeholderId: string,
  factors?: FactorCoding,
): Promise<ThreatAdvice> {
  await getOfficeholder(ctx, officeholderId);
  const advice = await adviseLevel(
    ctx,
    ctx.actor.organisationId,
    officeholderId,
    await factorsFor(ctx, officeholderId, factors),
  );
  await auditThreat(ctx, ctx.db, 'threat.advice', officeholderId, { level: advice.level });
  return advice;
}

function checkDecision(
  ctx: RequestContext,
  advice: ThreatAdvice,
  input: CreateAssessmentInput,
): { validFrom: string; validUntil: string } {
  const compared = compareDecision(advice, input.decidedLevel);
  if (!compared.ok) throw invalid('decidedLevel', compared.error.message_en);
  if (compared.value.reasonRequired && !input.decisionReason) {
    throw invalid(
      'decisionReason',
      `required: the decision ${input.decidedLevel} differs from the advice ${advice.level}`,
    );
  }
  const validFrom = input.validFrom ?? ctx.clock.now().toISOString().slice(0, 10);
  if (input.validUntil <= validFrom) throw invalid('validUntil', 'must lie after validFrom');
  return { validFrom: `${validFrom}T00:00:00.000Z`, validUntil: endOfDay(input.validUntil) };
}

function assessmentRow(
  ctx: RequestContext,
  officeholderId: string,
  parts: {
    advice: ThreatAdvice;
    factors: FactorCoding;
    input: CreateAssessmentInput;
    validity: { validFrom: string; validUntil: string };
  },
): repo.AssessmentRow {
  const now = ctx.clock.now().toISOString();
  const { advice, input } = parts;
  return {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    officeholder_id: officeholderId,
    assessed_by_user_id: ctx.actor.userId,
    assessed_at: now,
    advised_level: advice.level,
    advised_score: advice.score,
    advice: JSON.stringify(advice),
    decided_level: input.decidedLevel,
    decision_reason: input.decisionReason ?? null,
    factors: JSON.stringify(parts.factors),
    incident_ids: JSON.stringify(advice.incidentsConsidered),
    product: input.product,
    authority: input.authority,
    valid_from: parts.validity.validFrom,
    valid_until: parts.validity.validUntil,
    created_at: now,
  };
}

/**
 * Records a structured professional judgement: the engine advises from incidents and factors, the
 * assessor decides (a different level needs a reason), and the measure plan follows the new level.
 */
export async function createAssessment(
  ctx: RequestContext,
  officeholderId: string,
  input: CreateAssessmentInput,
): Promise<{ assessment: AssessmentDto; planChange: PlanChange }> {
  const officeholder = await getOfficeholder(ctx, officeholderId);
  const factors = await factorsFor(ctx, officeholderId, input.factors);
  const advice = await adviseLevel(ctx, ctx.actor.organisationId, officeholderId, factors);
  const validity = checkDecision(ctx, advice, input);
  const row = assessmentRow(ctx, officeholderId, { advice, factors, input, validity });
  const now = row.created_at;
  const planChange = await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    await repo.insertAssessment(trx, row);
    await repo.upsertProfile(trx, {
      officeholder_id: officeholderId,
      organisation_id: row.organisation_id,
      factors: row.factors,
      updated_by_user_id: ctx.actor.userId,
      updated_at: now,
    });
    await completeTasksFor(tx, row.organisation_id, {
      type: 'officeholder',
      id: officeholderId,
      kind: 'reassess_threat',
    });
    await auditThreat(ctx, trx, 'threat.assess', officeholderId, {
      advised: advice.level,
      decided: input.decidedLevel,
      product: input.product,
    });
    const lowestLevel = defaultThreatConfig.scale[0]?.code ?? input.decidedLevel;
    return applyThreatLevel(tx, {
      officeholderId,
      officeholderName: officeholder.fullName,
      newLevel: input.decidedLevel,
      lowestLevel,
    });
  });
  const names = await displayNames(ctx, [ctx.actor.userId]);
  return { assessment: toDto(row, names, now), planChange };
}

/** The officeholder's assessments, newest first. */
export async function listAssessments(ctx: RequestContext, officeholderId: string): Promise<AssessmentDto[]> {
  await getOfficeholder(ctx, officeholderId);
  const rows = await repo.listAssessments(ctx.db, ctx.actor.organisationId, officeholderId);
  const names = await displayNames(
    ctx,
    rows.map((r) => r.assessed_by_user_id),
  );
  await auditThreat(ctx, ctx.db, 'threat.history', officeholderId, { count: rows.length });
  const now = ctx.clock.now().toISOString();
  return rows.map((r) => toDto(r, names, now));
}
