/**
 * Match decisions and conclusions on a screening. Match decisions on its candidates: The applicant is kept as an entity of the
 * organisation's own "screened applicants" dataset, and each decision (applicant ~ candidate)
 * goes through the entity store's match-decision service: appended, never overwritten, the
 * newest counting, "same" clusters resolving in every later answer.
 */
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { createDataset, findDatasetForCli } from '../entities/datasets.service.js';
import { entitiesByIds } from '../entities/entity-read.service.js';
import { importFtmEntities } from '../entities/ftm-import.service.js';
import { decideMatch, listDecisions } from '../entities/match-decisions.service.js';
import type { MatchDecisionDto } from '../entities/entities.schema.js';
import type { ScreeningConclusionInput, ScreeningDecisionInput, ScreeningResult } from './screening.schema.js';
import { SUBJECT_DATASET } from './screening-datasets.js';
import { requireOwnScreening } from './screening-access.js';
import * as repo from './screening.repository.js';
import type { ScreeningRow } from './screening.repository.js';
import { mayConclude, type ScreeningAccess } from './screening.policy.js';
import { ftmPropertiesOf } from './subject-validation.js';
import type { ScreeningSchema } from './screening.table.js';

type DecisionSummary = NonNullable<ScreeningResult['candidates'][number]['decision']>;

/** The FtM id of a screening's applicant in the subject dataset. */
export const subjectEntityId = (screeningId: string): string => `screening-${screeningId}`;

async function subjectDataset(ctx: AppContext, organisationId: string) {
  const existing = await findDatasetForCli(ctx, SUBJECT_DATASET.name, organisationId);
  if (existing) return existing;
  return createDataset(ctx, organisationId, { ...SUBJECT_DATASET, kind: 'eigen_registratie' });
}

async function ensureSubjectEntity(ctx: RequestContext, row: ScreeningRow): Promise<string> {
  const dataset = await subjectDataset(ctx, row.organisation_id);
  const id = subjectEntityId(row.id);
  if ((await entitiesByIds(ctx, dataset.id, [id])).length === 0) {
    const subject = JSON.parse(row.subject) as { schema: ScreeningSchema; properties: Record<string, string[]> };
    // Stored as FtM values (ISO dates, country codes), checked like an import, so exports stay valid.
    const properties = ftmPropertiesOf(subject);
    await importFtmEntities(
      ctx,
      dataset.id,
      async function* () {
        yield { line: 1, value: { id, schema: subject.schema, properties } };
      },
      { checkValues: true, isStrict: true },
    );
  }
  return dataset.id;
}

function isCandidate(row: ScreeningRow, datasetId: string, entityId: string): boolean {
  const { candidates } = JSON.parse(row.result) as ScreeningResult;
  return candidates.some(
    (c) =>
      (c.datasetId === datasetId && c.entityId === entityId) ||
      c.referents.some((r) => r.datasetId === datasetId && r.entityId === entityId),
  );
}

/** Records whether a candidate is the applicant (same / different / unsure, with a note). */
export async function decideCandidate(
  ctx: RequestContext,
  screeningId: string,
  input: ScreeningDecisionInput,
): Promise<MatchDecisionDto> {
  const { row } = await requireOwnScreening(ctx, screeningId);
  if (!isCandidate(row, input.datasetId, input.entityId)) throw notFound('candidate');
  const subjectDatasetId = await ensureSubjectEntity(ctx, row);
  return decideMatch(ctx, {
    left: { datasetId: subjectDatasetId, entityId: subjectEntityId(row.id) },
    right: { datasetId: input.datasetId, entityId: input.entityId },
    decision: input.decision,
    ...(input.note ? { note: input.note } : {}),
  });
}

/** The decision that counts per candidate key (`datasetId/entityId`), for the own organisation. */
export async function currentDecisions(
  ctx: RequestContext,
  screeningId: string,
): Promise<Map<string, DecisionSummary>> {
  const dataset = await findDatasetForCli(ctx, SUBJECT_DATASET.name, ctx.actor.organisationId);
  const result = new Map<string, DecisionSummary>();
  if (!dataset) return result;
  const subject = { datasetId: dataset.id, id: subjectEntityId(screeningId) };
  for (const d of await listDecisions(ctx, dataset.id, subject.id)) {
    if (!d.isCurrent) continue;
    const other = d.left.datasetId === subject.datasetId && d.left.id === subject.id ? d.right : d.left;
    result.set(`${other.datasetId}/${other.id}`, {
      decision: d.decision,
      note: d.note,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
    });
  }
  return result;
}

/**
 * Records a conclusion (geen bezwaar, nader onderzoek, Bibob-advies vragen): only the user who
 * ran the screening or the organisation's Bibob coordinator may. Every conclusion is kept as
 * history (who, when); the newest is the current one, copied onto the screening for lists. Audited.
 */
export async function recordConclusion(
  ctx: RequestContext,
  screeningId: string,
  input: ScreeningConclusionInput,
): Promise<{ row: ScreeningRow; access: ScreeningAccess }> {
  const { row, access } = await requireOwnScreening(ctx, screeningId);
  if (!mayConclude(ctx.actor, row, access)) {
    throw new AppError(
      'forbidden',
      'Alleen wie de screening uitvoerde of de Bibob-coördinator legt de conclusie vast / ' +
        'Only the user who ran the screening or a Bibob coordinator may record its conclusion',
    );
  }
  const entry = {
    id: newId(),
    organisation_id: row.organisation_id,
    screening_id: row.id,
    outcome: input.outcome,
    text: input.text,
    concluded_by_user_id: ctx.actor.userId,
    concluded_at: ctx.clock.now().toISOString(),
  };
  const current = {
    conclusion_outcome: entry.outcome,
    conclusion_text: entry.text,
    concluded_by_user_id: entry.concluded_by_user_id,
    concluded_at: entry.concluded_at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    // Updating the screening first locks its row (PostgreSQL), so two conclusions saved at the
    // same moment take turns and each reads the other's position: no clash on (screening, position).
    await repo.updateScreening(trx, row.id, current);
    const { position } = await repo.appendConclusion(trx, entry);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'screening.conclude',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'screening',
      objectId: row.id,
      recordOwnerId: row.organisation_id,
      details: { outcome: entry.outcome, conclusionId: entry.id, position, revised: position > 1 },
      origin: ctx.origin,
    });
  });
  return { row: { ...row, ...current }, access };
}
