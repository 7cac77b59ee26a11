import { findCatalogueMeasure } from './measure-catalogue.js';
import type { CatalogueLookup, EngineResult, MeasurePlan, MeasureStatus } from './measure-types.js';
import { addDays, defaultPlanConfig } from './plan-config.js';
import type { PlanConfig } from './plan-config.js';
import { isLiveStatus } from './plan-transitions.js';
import { defaultRecommendationMatrix, levelRank, recommendedCodes } from './recommendation-matrix.js';
import type { RecommendationMatrix } from './recommendation-matrix.js';
import { receivesWorkOrders, toWorkOrder } from './work-order.js';
import type { OfficeholderRecord, WorkOrder, WorkOrderContact } from './work-order.js';

export type ProposedMeasure = {
  /** Deterministic key the caller may use as the new plan line's id. */
  key: string;
  code: string;
  name_nl: string;
  name_en: string;
  /** The code was rejected or ended earlier; the new level asks to weigh it again. */
  wasProposedBefore: boolean;
  reason_nl: string;
  reason_en: string;
};

export type ScaleDownProposal = {
  planMeasureId: string;
  code: string;
  currentStatus: MeasureStatus;
  reason_nl: string;
  reason_en: string;
};

export type PlanTask = {
  kind: 'act_on_raised_level' | 'weigh_scale_down';
  planId: string;
  assigneeId: string;
  dueAt: string;
  title_nl: string;
  title_en: string;
  measureCodes: string[];
};

export type ReopenOutcome = {
  direction: 'up' | 'down' | 'same';
  proposals: ProposedMeasure[];
  scaleDownProposals: ScaleDownProposal[];
  task: PlanTask | null;
  workOrders: WorkOrder[];
  nextReviewAt: string;
};

export type ReopenError = { code: 'unknown_level'; level: string; message_nl: string; message_en: string };

export type ReopenInput = {
  plan: MeasurePlan;
  previousLevel: string;
  newLevel: string;
  asOf: string;
  officeholder: Pick<OfficeholderRecord, 'displayName' | 'homeAddress'>;
  matrix?: RecommendationMatrix;
  config?: PlanConfig;
  contact?: WorkOrderContact | null;
  catalogue?: CatalogueLookup;
};

function unknownLevel(level: string): ReopenError {
  return {
    code: 'unknown_level',
    level,
    message_nl: `Niveau "${level}" ontbreekt in de aanbevelingsmatrix of de termijnen.`,
    message_en: `Level "${level}" is missing from the recommendation matrix or the deadlines.`,
  };
}

function proposalsFor(input: ReopenInput, matrix: RecommendationMatrix, lookup: CatalogueLookup): ProposedMeasure[] {
  const live = new Set(input.plan.measures.filter((m) => isLiveStatus(m.status)).map((m) => m.code));
  const earlier = new Set(input.plan.measures.map((m) => m.code));
  return recommendedCodes(matrix, input.newLevel)
    .filter((code) => !live.has(code))
    .flatMap((code) => {
      const entry = lookup(code);
      if (!entry) return [];
      return [
        {
          key: `${input.plan.id}/${code}`,
          code,
          name_nl: entry.name_nl,
          name_en: entry.name_en,
          wasProposedBefore: earlier.has(code),
          reason_nl: `Aanbevolen bij dreigingsniveau ${input.newLevel}.`,
          reason_en: `Recommended at threat level ${input.newLevel}.`,
        },
      ];
    });
}

// Only measures the matrix ties to a level above the new one are offered for scale-down;
// measures added by hand had their own reasons and stay untouched.
function scaleDownFor(input: ReopenInput, matrix: RecommendationMatrix): ScaleDownProposal[] {
  const stillRecommended = new Set(recommendedCodes(matrix, input.newLevel));
  const fromHigher = new Set(recommendedCodes(matrix, input.previousLevel));
  return input.plan.measures
    .filter((m) => isLiveStatus(m.status) && fromHigher.has(m.code) && !stillRecommended.has(m.code))
    .map((m) => ({
      planMeasureId: m.id,
      code: m.code,
      currentStatus: m.status,
      reason_nl: `Niet meer aanbevolen bij dreigingsniveau ${input.newLevel}; afschalen ter beoordeling.`,
      reason_en: `No longer recommended at threat level ${input.newLevel}; scale-down for consideration.`,
    }));
}

function raisedTask(input: ReopenInput, codes: string[], days: number): PlanTask {
  return {
    kind: 'act_on_raised_level',
    planId: input.plan.id,
    assigneeId: input.plan.ownerId,
    dueAt: addDays(input.asOf, days),
    title_nl: `Dreigingsniveau verhoogd naar ${input.newLevel}: besluit over ${codes.length} voorgestelde maatregel(en)`,
    title_en: `Threat level raised to ${input.newLevel}: decide on ${codes.length} proposed measure(s)`,
    measureCodes: codes,
  };
}

function scaleDownTask(input: ReopenInput, codes: string[], days: number): PlanTask {
  return {
    kind: 'weigh_scale_down',
    planId: input.plan.id,
    assigneeId: input.plan.ownerId,
    dueAt: addDays(input.asOf, days),
    title_nl: `Dreigingsniveau verlaagd naar ${input.newLevel}: beoordeel ${codes.length} afschalingsvoorstel(len)`,
    title_en: `Threat level lowered to ${input.newLevel}: weigh ${codes.length} scale-down proposal(s)`,
    measureCodes: codes,
  };
}

function workOrdersFor(
  input: ReopenInput,
  proposals: ProposedMeasure[],
  dueAt: string,
  lookup: CatalogueLookup,
): WorkOrder[] {
  return proposals.flatMap((p) => {
    const entry = lookup(p.code);
    if (!entry || !receivesWorkOrders(entry.executor)) return [];
    const order = toWorkOrder({ id: p.key, code: p.code, status: 'voorgesteld' }, input.officeholder, {
      contact: input.contact ?? null,
      dueAt,
      catalogue: lookup,
    });
    return order ? [order] : [];
  });
}

type LevelDays = { task: number; workOrder: number; review: number };

function daysFor(config: PlanConfig, level: string): LevelDays | null {
  const task = config.taskDeadlineDays[level];
  const workOrder = config.workOrderDueDays[level];
  const review = config.reviewIntervalDays[level];
  return task === undefined || workOrder === undefined || review === undefined ? null : { task, workOrder, review };
}

type Changes = Pick<ReopenOutcome, 'proposals' | 'scaleDownProposals' | 'task' | 'workOrders'>;

function raise(input: ReopenInput, matrix: RecommendationMatrix, days: LevelDays, lookup: CatalogueLookup): Changes {
  const proposals = proposalsFor(input, matrix, lookup);
  const codes = proposals.map((p) => p.code);
  const workOrders = workOrdersFor(input, proposals, addDays(input.asOf, days.workOrder), lookup);
  return { proposals, scaleDownProposals: [], task: raisedTask(input, codes, days.task), workOrders };
}

// A lower level never removes anything by itself: people weigh each scale-down proposal.
function lower(input: ReopenInput, matrix: RecommendationMatrix, config: PlanConfig): Changes {
  const scaleDownProposals = scaleDownFor(input, matrix);
  const codes = scaleDownProposals.map((p) => p.code);
  const task = codes.length > 0 ? scaleDownTask(input, codes, config.scaleDownTaskDays) : null;
  return { proposals: [], scaleDownProposals, task, workOrders: [] };
}

/** Reopens a plan after a level change: proposals and tasks when it rises, scale-down proposals only when it falls. */
export function reopenPlan(input: ReopenInput): EngineResult<ReopenOutcome, ReopenError> {
  const matrix = input.matrix ?? defaultRecommendationMatrix;
  const config = input.config ?? defaultPlanConfig;
  const lookup = input.catalogue ?? findCatalogueMeasure;
  for (const level of [input.previousLevel, input.newLevel])
    if (levelRank(matrix, level) < 0) return { ok: false, error: unknownLevel(level) };
  const days = daysFor(config, input.newLevel);
  if (!days) return { ok: false, error: unknownLevel(input.newLevel) };
  const step = levelRank(matrix, input.newLevel) - levelRank(matrix, input.previousLevel);
  const nextReviewAt = addDays(input.asOf, days.review);
  if (step > 0) return { ok: true, value: { direction: 'up', ...raise(input, matrix, days, lookup), nextReviewAt } };
  if (step < 0) return { ok: true, value: { direction: 'down', ...lower(input, matrix, config), nextReviewAt } };
  const none: Changes = { proposals: [], scaleDownProposals: [], task: null, workOrders: [] };
  return { ok: true, value: { direction: 'same', ...none, nextReviewAt } };
}

/** True when an open plan's review date has passed, or when an open plan has no review planned. */
export function isReviewOverdue(plan: Pick<MeasurePlan, 'reviewDueAt' | 'closedAt'>, asOf: string): boolean {
  if (plan.closedAt) return false;
  if (plan.reviewDueAt === null) return true;
  return Date.parse(plan.reviewDueAt) < Date.parse(asOf);
}

/** The next review date after an assessment at `level`, or null when the level has no interval. */
export function nextReviewDate(level: string, asOf: string, config: PlanConfig = defaultPlanConfig): string | null {
  const days = config.reviewIntervalDays[level];
  return days === undefined ? null : addDays(asOf, days);
}
