import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ScanArea } from './measures';

// Shapes mirror server/src/modules/scans/scans.schema.ts.

export type FindingSeverity = 'laag' | 'midden' | 'hoog';
export type ScanStatus = 'draft' | 'afgerond';

export type ScanFinding = {
  id: string;
  area: ScanArea;
  questionCode: string;
  question_nl: string;
  question_en: string;
  answerCode: string;
  answer_nl: string;
  answer_en: string;
  severity: FindingSeverity;
  title_nl: string;
  title_en: string;
  measures: { code: string; name_nl: string; name_en: string }[];
  proposedAt: string | null;
};

export type Scan = {
  id: string;
  officeholderId: string;
  areas: ScanArea[];
  status: ScanStatus;
  progress: { answered: number; total: number };
  answers: { questionCode: string; answerCode: string; note: string | null; answeredAt: string }[];
  findings: ScanFinding[];
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

export type ScanListItem = {
  id: string;
  officeholderId: string;
  areas: ScanArea[];
  status: ScanStatus;
  findingCount: number;
  createdAt: string;
  completedAt: string | null;
};

export type Questionnaire = {
  area: ScanArea;
  label_nl: string;
  label_en: string;
  questions: {
    code: string;
    text_nl: string;
    text_en: string;
    options: {
      code: string;
      label_nl: string;
      label_en: string;
      severity: FindingSeverity | null;
      measureCodes: string[];
    }[];
  }[];
}[];

export type ProposalResult = {
  planId: string;
  proposed: { code: string; measureId: string }[];
  alreadyInPlan: string[];
  scan: Scan;
};

const enc = encodeURIComponent;

export const scanKeys = {
  questionnaire: ['scan-questionnaire'] as const,
  list: (officeholderId: string) => ['scans', officeholderId] as const,
  one: (id: string) => ['scan', id] as const,
};

export function useQuestionnaire() {
  return useQuery({
    queryKey: scanKeys.questionnaire,
    queryFn: () => api<Questionnaire>('GET', '/security-scan-questionnaire'),
    staleTime: Infinity,
  });
}

export function useScans(officeholderId: string) {
  return useQuery({
    queryKey: scanKeys.list(officeholderId),
    queryFn: () => api<ScanListItem[]>('GET', `/officeholders/${enc(officeholderId)}/security-scans`),
  });
}

export function useScan(id: string) {
  return useQuery({ queryKey: scanKeys.one(id), queryFn: () => api<Scan>('GET', `/security-scans/${enc(id)}`) });
}

export const startScan = (officeholderId: string, areas: ScanArea[]) =>
  api<Scan>('POST', `/officeholders/${enc(officeholderId)}/security-scans`, { areas });
export const answerScan = (id: string, answers: { questionCode: string; answerCode: string }[]) =>
  api<Scan>('PUT', `/security-scans/${enc(id)}/answers`, { answers });
export const completeScan = (id: string) => api<Scan>('POST', `/security-scans/${enc(id)}/complete`);
export const proposeFinding = (id: string, findingId: string) =>
  api<ProposalResult>('POST', `/security-scans/${enc(id)}/findings/${enc(findingId)}/propose`);
export const proposeAll = (id: string) => api<ProposalResult>('POST', `/security-scans/${enc(id)}/propose-all`);
export const scanReportUrl = (id: string) => `/api/v1/security-scans/${enc(id)}/report`;
