import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';

// Shapes mirror server/src/modules/measures/measures.schema.ts and work-orders.schema.ts.

export type MeasureStatus = 'voorgesteld' | 'besloten' | 'in_uitvoering' | 'actief' | 'afgewezen' | 'beeindigd';
export type ScanArea = 'woning' | 'werkpakket' | 'reisbewegingen' | 'digitale_omgeving';
export type WorkOrderProgress = 'ontvangen' | 'ingepland' | 'uitgevoerd' | 'probleem';
export type WorkOrderStage = 'voorbereiding' | 'uitvoering' | 'instandhouding' | 'afgesloten';
export type PostalAddress = { street: string; houseNumber: string; postcode: string; city: string };
export type Contact = { name: string; phone: string };
export type HouseholdMember = { name: string; relation: string };

/** Allowed moves, as server/src/modules/measures/engine/plan-transitions.ts; the server checks again. */
export const planTransitions: Record<MeasureStatus, MeasureStatus[]> = {
  voorgesteld: ['besloten', 'afgewezen'],
  besloten: ['in_uitvoering', 'beeindigd'],
  in_uitvoering: ['actief', 'beeindigd'],
  actief: ['beeindigd'],
  afgewezen: [],
  beeindigd: [],
};

export type PlanMeasure = {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  area: ScanArea;
  kind: string;
  status: MeasureStatus;
  statusReason: string | null;
  decidingAuthority: string | null;
  executingOrganisationId: string | null;
  costEuro: number | null;
  residenceId: string | null;
  startDate: string | null;
  endDate: string | null;
  proposalReason: string | null;
  workOrder: { id: string; progress: WorkOrderProgress; progressNote: string | null } | null;
  updatedAt: string;
};

export type FundingSummary = {
  capEuro: number;
  residences: {
    residenceId: string;
    capEuro: number;
    eligibleEuro: number;
    coveredEuro: number;
    exceedingEuro: number;
    remainingCapEuro: number;
    lines: { measureId: string; code: string; costEuro: number; coveredEuro: number; isEstimate: boolean }[];
  }[];
  notEligible: { measureId: string; code: string; costEuro: number; reason: string }[];
  totals: { coveredEuro: number; exceedingEuro: number; notEligibleEuro: number };
};

export type MeasurePlan = {
  id: string;
  officeholderId: string;
  ownerUserId: string;
  executingOrganisationId: string | null;
  contact: Contact | null;
  homeAddress: PostalAddress | null;
  household: HouseholdMember[];
  currentLevel: string | null;
  reviewDueAt: string | null;
  isReviewOverdue: boolean;
  measures: PlanMeasure[];
  scaleDownCandidates: { measureId: string; code: string }[];
  funding: FundingSummary;
  updatedAt: string;
};

export type PlanUpsert = {
  executingOrganisationId?: string | null;
  contact?: Contact | null;
  homeAddress?: PostalAddress | null;
  household?: HouseholdMember[];
  reviewDueAt?: string | null;
};

export type CatalogueMeasure = {
  code: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  area: ScanArea;
  kind: string;
  cost: { minEuro: number; maxEuro: number; unit: 'eenmalig' | 'per_maand' | 'per_dag' };
  executor: string;
  preventiveSchemeEligible: boolean;
  needsAddressWhileActive: boolean;
};

export type WorkOrder = {
  id: string;
  measureId: string;
  measureCode: string;
  name_nl: string;
  name_en: string;
  description_nl: string;
  description_en: string;
  executor: string;
  stage: WorkOrderStage;
  recipientName: string;
  address: PostalAddress | null;
  contact: Contact | null;
  dueAt: string | null;
  progress: WorkOrderProgress;
  progressNote: string | null;
  createdAt: string;
  updatedAt: string;
};

const enc = encodeURIComponent;
const planPath = (id: string) => `/officeholders/${enc(id)}/measure-plan`;

export const measureKeys = {
  catalogue: ['measure-catalogue'] as const,
  plan: (id: string) => ['measure-plan', id] as const,
  workOrders: ['work-orders'] as const,
};

/** The plan, or null while none exists yet (the server answers 404 until the first save or assessment). */
export function useMeasurePlan(officeholderId: string, enabled = true) {
  return useQuery({
    queryKey: measureKeys.plan(officeholderId),
    queryFn: async () => {
      try {
        return await api<MeasurePlan>('GET', planPath(officeholderId));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled,
  });
}

export function useMeasureCatalogue() {
  return useQuery({
    queryKey: measureKeys.catalogue,
    queryFn: () => api<CatalogueMeasure[]>('GET', '/measure-catalogue'),
    staleTime: Infinity,
  });
}

export function useWorkOrders() {
  return useQuery({ queryKey: measureKeys.workOrders, queryFn: () => api<WorkOrder[]>('GET', '/work-orders') });
}

export const upsertPlan = (officeholderId: string, input: PlanUpsert) =>
  api<MeasurePlan>('PUT', planPath(officeholderId), input);

export const addPlanMeasure = (officeholderId: string, input: { code: string; reason?: string }) =>
  api<MeasurePlan>('POST', `${planPath(officeholderId)}/measures`, input);

export const updatePlanMeasure = (officeholderId: string, measureId: string, input: { costEuro?: number | null }) =>
  api<MeasurePlan>('PATCH', `${planPath(officeholderId)}/measures/${enc(measureId)}`, input);

export const changeMeasureStatus = (officeholderId: string, measureId: string, status: MeasureStatus) =>
  api<MeasurePlan>('POST', `${planPath(officeholderId)}/measures/${enc(measureId)}/status`, { status });

export const reportWorkOrderProgress = (id: string, input: { progress: WorkOrderProgress; note?: string | null }) =>
  api<WorkOrder>('PATCH', `/work-orders/${enc(id)}`, input);
