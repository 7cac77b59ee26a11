import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// Shapes mirror server/src/modules/threats/threats.schema.ts.

export type Labelled = { code: string; label_nl: string; label_en: string };
export type ThreatConfiguration = {
  levels: Labelled[];
  products: Labelled[];
  authorities: Labelled[];
  factors: Labelled[];
};

export type FactorStatus = 'present' | 'absent' | 'unknown';
export type FactorCoding = Record<string, FactorStatus>;

export type Contribution = {
  kind: 'factor' | 'incident' | 'pattern';
  ref: string;
  label_nl: string;
  label_en: string;
  points: number;
  explanation: string;
  explanation_nl: string;
};

export type ThreatAdvice = {
  level: string;
  level_label_nl: string;
  level_label_en: string;
  score: number;
  contributions: Contribution[];
  incidentsConsidered: string[];
  informationGaps: { factor: string; label_nl: string; label_en: string }[];
  summary_nl: string;
  summary_en: string;
};

export type ThreatAssessment = {
  id: string;
  officeholderId: string;
  assessedBy: { id: string; displayName: string };
  assessedAt: string;
  advice: ThreatAdvice;
  decidedLevel: string;
  decisionReason: string | null;
  direction: 'higher' | 'lower' | 'same';
  factors: FactorCoding;
  product: string;
  authority: string;
  validFrom: string;
  validUntil: string;
  isExpired: boolean;
};

export type AssessmentCreate = {
  factors?: FactorCoding;
  decidedLevel: string;
  decisionReason?: string;
  product: string;
  authority: string;
  validUntil: string;
};

export type PlanChange = {
  planId: string;
  direction: 'up' | 'down' | 'same';
  proposedCodes: string[];
  scaleDownCodes: string[];
  taskId: string | null;
  workOrderIds: string[];
  nextReviewAt: string;
};

export type ThreatProfile = {
  officeholderId: string;
  factors: FactorCoding;
  updatedAt: string | null;
  reassessmentReasons: { code: string; isUrgent: boolean; label_nl: string; label_en: string }[];
};

export type BoardItem = {
  officeholderId: string;
  fullName: string;
  office: string;
  currentLevel: string | null;
  previousLevel: string | null;
  trend: 'up' | 'down' | 'same' | 'new' | 'none';
  assessedAt: string | null;
  validUntil: string | null;
  isAssessmentExpired: boolean;
  reviewDueAt: string | null;
  isReviewOverdue: boolean;
};

const enc = encodeURIComponent;

export const threatKeys = {
  config: ['threat-configuration'] as const,
  advice: (id: string) => ['threat-advice', id] as const,
  assessments: (id: string) => ['threat-assessments', id] as const,
  board: ['threat-board'] as const,
};

export function useThreatConfiguration() {
  return useQuery({
    queryKey: threatKeys.config,
    queryFn: () => api<ThreatConfiguration>('GET', '/threat-configuration'),
    staleTime: Infinity,
  });
}

/** The engine's explained advice on the stored factor coding (a POST that stores nothing). */
export function useThreatAdvice(officeholderId: string, enabled = true) {
  return useQuery({
    queryKey: threatKeys.advice(officeholderId),
    queryFn: () => api<ThreatAdvice>('POST', `/officeholders/${enc(officeholderId)}/threat-advice`, {}),
    enabled,
  });
}

export function useThreatAssessments(officeholderId: string, enabled = true) {
  return useQuery({
    queryKey: threatKeys.assessments(officeholderId),
    queryFn: () => api<ThreatAssessment[]>('GET', `/officeholders/${enc(officeholderId)}/threat-assessments`),
    enabled,
  });
}

export function useThreatBoard() {
  return useQuery({ queryKey: threatKeys.board, queryFn: () => api<BoardItem[]>('GET', '/threat-board') });
}

export const createAssessment = (officeholderId: string, input: AssessmentCreate) =>
  api<{ assessment: ThreatAssessment; planChange: PlanChange }>(
    'POST',
    `/officeholders/${enc(officeholderId)}/threat-assessments`,
    input,
  );

export const setThreatFactors = (officeholderId: string, factors: FactorCoding) =>
  api<ThreatProfile>('PUT', `/officeholders/${enc(officeholderId)}/threat-factors`, { factors });
