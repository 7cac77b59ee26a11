import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOfficeholder } from '../officeholders/officeholders.service.js';
import { incidentFactsByIds } from '../incidents/incident-facts.service.js';
import { planOwnerOf } from '../measures/plan-summaries.service.js';
import { createTask } from '../tasks/tasks.service.js';
import { notifyUsers } from '../notifications/notifications.service.js';
import { needsReassessment, type ReassessmentInput, type ReassessmentReason } from './engine/threat-decision.js';
import { threatFactorNames, type FactorCoding } from './engine/threat-input.js';
import { toThreatIncident } from './threat-advice.service.js';
import { auditThreat } from './threats.service.js';
import * as repo from './threats.repository.js';

const DAY_MS = 86_400_000;

function lastOf(latest: repo.AssessmentRow | undefined): ReassessmentInput['lastAssessment'] {
  return latest ? { assessedAt: latest.assessed_at, incidentIds: JSON.parse(latest.incident_ids) as string[] } : null;
}

/**
 * Gives the plan owner (or else the last assessor) one open re-assessment task and a notification,
 * in the caller's transaction. Returns whether a new task was opened.
 */
export async function requestReassessment(
  ctx: AppContext,
  target: { organisationId: string; officeholderId: string; latest: repo.AssessmentRow | undefined },
  reasons: ReassessmentReason[],
  options: { notifyWhenAlreadyOpen: boolean },
): Promise<boolean> {
  if (reasons.length === 0) return false;
  const owner =
    (await planOwnerOf(ctx, target.organisationId, target.officeholderId)) ?? target.latest?.assessed_by_user_id;
  if (!owner) return false;
  const isUrgent = reasons.some((r) => r.isUrgent);
  const taskId = await createTask(ctx, {
    organisationId: target.organisationId,
    assigneeUserId: owner,
    kind: 'reassess_threat',
    title_nl: `Dreiging opnieuw inschatten: ${reasons.map((r) => r.label_nl).join('; ')}`,
    title_en: `Reassess the threat: ${reasons.map((r) => r.label_en).join('; ')}`,
    subjectType: 'officeholder',
    subjectId: target.officeholderId,
    dueAt: new Date(ctx.clock.now().getTime() + (isUrgent ? 1 : 7) * DAY_MS).toISOString(),
    openKey: `reassess_threat:${target.officeholderId}`,
  });
  if (taskId || options.notifyWhenAlreadyOpen) {
    await notifyUsers(ctx, {
      organisationId: target.organisationId,
      userIds: [owner],
      kind: 'reassessment_needed',
      title_nl: `Herbeoordeling dreiging nodig${isUrgent ? ' (urgent)' : ''}: ${reasons.map((r) => r.label_nl).join('; ')}`,
      title_en: `Threat reassessment needed${isUrgent ? ' (urgent)' : ''}: ${reasons.map((r) => r.label_en).join('; ')}`,
      subjectType: 'officeholder',
      subjectId: target.officeholderId,
    });
  }
  return taskId !== null;
}

/** Hook for incident registration (called inside its transaction): a new incident asks for re-assessment. */
export async function onIncidentReported(
  ctx: RequestContext,
  incident: { id: string; officeholderId: string },
): Promise<void> {
  const organisationId = ctx.actor.organisationId;
  const [fact] = await incidentFactsByIds(ctx, organisationId, [incident.id]);
  const threatIncident = fact ? toThreatIncident(fact) : null;
  const [latest] = await repo.listAssessments(ctx.db, organisationId, incident.officeholderId);
  const reasons = needsReassessment({
    lastAssessment: lastOf(latest),
    newIncidents: threatIncident ? [threatIncident] : [],
    changedFactors: [],
    validUntil: latest?.valid_until ?? null,
    asOf: ctx.clock.now().toISOString(),
  });
  await requestReassessment(ctx, { organisationId, officeholderId: incident.officeholderId, latest }, reasons, {
    notifyWhenAlreadyOpen: true,
  });
}

/** Stores the officeholder's current factor coding; a changed factor asks for re-assessment. */
export async function setThreatFactors(ctx: RequestContext, officeholderId: string, factors: FactorCoding) {
  await getOfficeholder(ctx, officeholderId);
  const organisationId = ctx.actor.organisationId;
  const profile = await repo.findProfile(ctx.db, organisationId, officeholderId);
  const current = profile ? (JSON.parse(profile.factors) as FactorCoding) : {};
  const changedFactors = threatFactorNames
    .map((factor) => ({ factor, from: current[factor] ?? 'unknown', to: factors[factor] ?? 'unknown' }))
    .filter((c) => c.from !== c.to);
  const [latest] = await repo.listAssessments(ctx.db, organisationId, officeholderId);
  const now = ctx.clock.now().toISOString();
  const reasons =
    changedFactors.length === 0
      ? []
      : needsReassessment({
          lastAssessment: lastOf(latest),
          newIncidents: [],
          changedFactors,
          validUntil: latest?.valid_until ?? null,
          asOf: now,
        });
  await ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    await repo.upsertProfile(trx, {
      officeholder_id: officeholderId,
      organisation_id: organisationId,
      factors: JSON.stringify(factors),
      updated_by_user_id: ctx.actor.userId,
      updated_at: now,
    });
    await auditThreat(ctx, trx, 'threat.factors', officeholderId, { changed: changedFactors.map((c) => c.factor) });
    await requestReassessment(tx, { organisationId, officeholderId, latest }, reasons, { notifyWhenAlreadyOpen: true });
  });
  return { officeholderId, factors, updatedAt: now, reassessmentReasons: reasons };
}

/** Daily job: assessments that expired or expire within a week ask for re-assessment (one open task each). */
export async function scanExpiringAssessments(ctx: AppContext): Promise<number> {
  const asOf = ctx.clock.now().toISOString();
  const horizon = new Date(ctx.clock.now().getTime() + 7 * DAY_MS).toISOString();
  let opened = 0;
  for (const latest of await repo.latestExpiringBefore(ctx.db, horizon)) {
    const reasons = needsReassessment({
      lastAssessment: lastOf(latest),
      newIncidents: [],
      changedFactors: [],
      validUntil: latest.valid_until,
      asOf,
    });
    await ctx.db.transaction().execute(async (trx) => {
      const target = { organisationId: latest.organisation_id, officeholderId: latest.officeholder_id, latest };
      if (!(await requestReassessment({ ...ctx, db: trx }, target, reasons, { notifyWhenAlreadyOpen: false }))) return;
      opened += 1;
      await recordAudit(trx, ctx.dialect, ctx.clock, {
        action: 'threat.expiry_reminder',
        result: 'success',
        actorUserId: null,
        organisationId: latest.organisation_id,
        objectType: 'officeholder',
        objectId: latest.officeholder_id,
        details: { reasons: reasons.map((r) => r.code) },
      });
    });
  }
  return opened;
}
