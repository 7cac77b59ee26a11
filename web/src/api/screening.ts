import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Tlp } from './codes';

// Shapes mirror server/src/modules/screening/screening.schema.ts.

export type ScreeningOutcome = 'geen_bezwaar' | 'nader_onderzoek' | 'bibob_advies_vragen';
export type MatchDecision = 'same' | 'different' | 'unsure';
export type SubjectSchema = 'Person' | 'Company' | 'LegalEntity' | 'Organization';

export type ScoreItem = {
  feature: string;
  kind: 'evidence' | 'unknown' | 'penalty';
  weight: number;
  value: number;
  explanation: string;
  label: string;
};

export type Candidate = {
  rank: number;
  datasetId: string;
  entityId: string;
  caption: string;
  schema: string;
  score: number;
  matchedName: string;
  items: ScoreItem[];
  isFlagged: boolean;
  topics: string[];
  referents: { datasetId: string; entityId: string }[];
  decision: { decision: MatchDecision; note: string | null; decidedBy: string; decidedAt: string } | null;
};

export type PathNode = { id: string; caption: string; schema: string; flagged: boolean; topics: string[] };
export type PathEdge = {
  id: string | null;
  type: string;
  source: string;
  target: string;
  role: string | null;
  startDate: string | null;
  endDate: string | null;
};
export type NetworkPath = {
  candidateEntityId: string;
  datasetId: string;
  length: number;
  hubCount: number;
  strength: number;
  nodes: PathNode[];
  edges: PathEdge[];
};
export type RedFlag = {
  candidateEntityId: string;
  datasetId: string;
  code: string;
  severity: 'low' | 'medium' | 'high';
  subject: string;
  subjectCaption: string;
  textNl: string;
  textEn: string;
  evidence: string[];
  /** Names of evidence entities where the register has one (absent in older records). */
  evidenceCaptions?: Record<string, string>;
};
export type SkippedHub = { candidateEntityId: string; id: string; caption: string; schema: string; degree: number };

export type ScreeningSummary = {
  id: string;
  createdAt: string;
  createdBy: string;
  purpose: string;
  caseReference: string | null;
  subjectSchema: SubjectSchema;
  subjectCaption: string;
  candidateCount: number;
  redFlagCount: number;
  outcome: ScreeningOutcome | null;
  /** TLP 2.0 marking; RED lets grants go to named people only. */
  tlp?: Tlp;
};

export type Screening = ScreeningSummary & {
  subject: { schema: SubjectSchema; properties: Record<string, string[]> };
  datasets: { id: string; name: string; title: string }[];
  result: {
    candidates: Candidate[];
    paths: NetworkPath[];
    skippedHubs: SkippedHub[];
    redFlags: RedFlag[];
    maxHops: number;
  };
  /** The current conclusion: the newest of `conclusions`. */
  conclusion: ScreeningConclusion | null;
  /** Every conclusion recorded, newest first (kept, never overwritten). */
  conclusions: ScreeningConclusion[];
  access: {
    via: 'organisation' | 'grant';
    sharedBy: string | null;
    purpose: string | null;
    /** The user who ran the screening or the owner's Bibob coordinator. */
    mayConclude: boolean;
    /** The owner organisation shares the screening and sets its TLP marking. */
    mayShare: boolean;
  };
};

export type ScreeningConclusion = {
  outcome: ScreeningOutcome;
  text: string;
  concludedBy: string;
  concludedAt: string;
};

export type DatasetOption = { id: string; name: string; title: string; entityCount: number; sharedBy: string | null };

export type NewScreening = {
  subject: { schema: SubjectSchema; properties: Record<string, string[]> };
  datasetIds?: string[];
  purpose: string;
  caseReference?: string;
};

export const screeningKeys = {
  all: ['screenings'] as const,
  one: (id: string) => ['screenings', id] as const,
  datasets: ['screening-datasets'] as const,
};

/** The applicants' own dataset holds earlier screenings' subjects; it is never screened against. */
const SUBJECT_DATASET = 'gescreende-aanvragers';

export function useScreenings() {
  return useQuery({ queryKey: screeningKeys.all, queryFn: () => api<ScreeningSummary[]>('GET', '/screenings') });
}

export function useScreening(id: string) {
  return useQuery({
    queryKey: screeningKeys.one(id),
    queryFn: () => api<Screening>('GET', `/screenings/${encodeURIComponent(id)}`),
  });
}

export function useScreeningDatasets() {
  return useQuery({
    queryKey: screeningKeys.datasets,
    queryFn: async () => (await api<DatasetOption[]>('GET', '/datasets')).filter((d) => d.name !== SUBJECT_DATASET),
  });
}

export const createScreening = (input: NewScreening): Promise<Screening> =>
  api<Screening>('POST', '/screenings', input as unknown as Record<string, unknown>);

export const decideCandidate = (
  id: string,
  input: { datasetId: string; entityId: string; decision: MatchDecision; note?: string },
): Promise<unknown> => api('POST', `/screenings/${encodeURIComponent(id)}/decisions`, input);

export const concludeScreening = (id: string, input: { outcome: ScreeningOutcome; text: string }): Promise<Screening> =>
  api<Screening>('POST', `/screenings/${encodeURIComponent(id)}/conclusion`, input);

/** Ends a grant on a screening at once (screening grants have their own route, not DELETE /grants/{id}). */
export const revokeScreeningGrant = (id: string, grantId: string): Promise<void> =>
  api<void>('DELETE', `/screenings/${encodeURIComponent(id)}/grants/${encodeURIComponent(grantId)}`);
