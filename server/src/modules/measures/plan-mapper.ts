import { authorityFor } from '../threats/engine/stelsel-config.js';
import { findCatalogueMeasure } from './engine/measure-catalogue.js';
import type { CatalogueMeasure, MeasurePlan, PlanMeasure } from './engine/measure-types.js';
import { fundingSummary } from './engine/funding.js';
import { isLiveStatus } from './engine/plan-transitions.js';
import { defaultRecommendationMatrix, recommendedCodes } from './engine/recommendation-matrix.js';
import { isReviewOverdue } from './engine/reopen-plan.js';
import type { PostalAddress, WorkOrderContact } from './engine/work-order.js';
import type { PlanDto, PlanMeasureDto } from './measures.schema.js';
import type { PlanMeasureRow, PlanRow, WorkOrderRow } from './measures.repository.js';

export const parseAddress = (row: PlanRow): PostalAddress | null =>
  row.home_address ? (JSON.parse(row.home_address) as PostalAddress) : null;

export const contactOf = (row: PlanRow): WorkOrderContact | null =>
  row.contact_name && row.contact_phone ? { name: row.contact_name, phone: row.contact_phone } : null;

/** A plan line as the measures engine sees it. */
export const toEngineMeasure = (m: PlanMeasureRow): PlanMeasure => ({
  id: m.id,
  code: m.code,
  status: m.status,
  residenceId: m.residence_id,
  costEuro: m.cost_euro,
});

/** The plan as the measures engine sees it. */
export const toEnginePlan = (plan: PlanRow, measures: PlanMeasureRow[]): MeasurePlan => ({
  id: plan.id,
  officeholderId: plan.officeholder_id,
  ownerId: plan.owner_user_id,
  measures: measures.map(toEngineMeasure),
  reviewDueAt: plan.review_due_at,
  closedAt: plan.closed_at,
});

// Measures at the residence are about an object (burgemeester); the rest protect the person (officier van justitie).
export function defaultAuthority(entry: CatalogueMeasure): string | null {
  return authorityFor('decentraal', entry.area === 'woning' ? 'objecten' : 'personen')?.code ?? null;
}

// The plan covers one household; its residence is the unit of the preventive scheme's cap.
export const defaultResidence = (entry: CatalogueMeasure): string | null =>
  entry.area === 'woning' && entry.preventiveSchemeEligible ? 'woning' : null;

/** Live measures the matrix recommends only above the plan's current level. */
export function scaleDownCandidates(plan: PlanRow, measures: PlanMeasureRow[]): PlanDto['scaleDownCandidates'] {
  if (!plan.current_level) return [];
  const stillRecommended = new Set(recommendedCodes(defaultRecommendationMatrix, plan.current_level));
  const inMatrix = new Set(defaultRecommendationMatrix.levels.flatMap((l) => l.adds));
  return measures
    .filter((m) => isLiveStatus(m.status) && inMatrix.has(m.code) && !stillRecommended.has(m.code))
    .map((m) => ({ measureId: m.id, code: m.code }));
}

function toMeasureDto(m: PlanMeasureRow, order: WorkOrderRow | undefined): PlanMeasureDto {
  const entry = findCatalogueMeasure(m.code);
  return {
    id: m.id,
    code: m.code,
    name_nl: entry?.name_nl ?? m.code,
    name_en: entry?.name_en ?? m.code,
    area: entry?.area ?? 'woning',
    kind: entry?.kind ?? 'organisatorisch',
    status: m.status,
    statusReason: m.status_reason,
    decidingAuthority: m.deciding_authority,
    executingOrganisationId: m.executing_organisation_id,
    costEuro: m.cost_euro,
    residenceId: m.residence_id,
    startDate: m.start_date,
    endDate: m.end_date,
    proposalReason: m.proposal_reason,
    workOrder: order ? { id: order.id, progress: order.progress, progressNote: order.progress_note } : null,
    updatedAt: m.updated_at,
  };
}

/** The full plan for the municipality: measures with work-order progress, funding and review state. */
export function toPlanDto(plan: PlanRow, measures: PlanMeasureRow[], orders: WorkOrderRow[], asOf: string): PlanDto {
  const orderOf = new Map(orders.map((o) => [o.plan_measure_id, o]));
  return {
    id: plan.id,
    officeholderId: plan.officeholder_id,
    ownerUserId: plan.owner_user_id,
    executingOrganisationId: plan.executing_organisation_id,
    contact: contactOf(plan),
    homeAddress: parseAddress(plan),
    household: JSON.parse(plan.household) as PlanDto['household'],
    currentLevel: plan.current_level,
    reviewDueAt: plan.review_due_at,
    isReviewOverdue: isReviewOverdue({ reviewDueAt: plan.review_due_at, closedAt: plan.closed_at }, asOf),
    measures: measures.map((m) => toMeasureDto(m, orderOf.get(m.id))),
    scaleDownCandidates: scaleDownCandidates(plan, measures),
    funding: fundingSummary(measures.map(toEngineMeasure)),
    updatedAt: plan.updated_at,
  };
}
