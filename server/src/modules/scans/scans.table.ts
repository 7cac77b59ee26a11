import type { CcvScanArea } from '../measures/engine/measure-types.js';
import type { FindingSeverity } from './engine/scan-types.js';

export const scanStatuses = ['draft', 'afgerond'] as const;
export type ScanStatus = (typeof scanStatuses)[number];

export type SecurityScansTable = {
  id: string;
  organisation_id: string;
  officeholder_id: string;
  /** JSON array of the CCV areas this scan covers. */
  areas: string;
  status: ScanStatus;
  created_by_user_id: string;
  completed_by_user_id: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ScanAnswersTable = {
  id: string;
  scan_id: string;
  organisation_id: string;
  question_code: string;
  answer_code: string;
  /** Free text about the officeholder's home or habits; sealed at rest. */
  note: string | null;
  answered_by_user_id: string;
  answered_at: string;
};

export type ScanFindingsTable = {
  id: string;
  scan_id: string;
  organisation_id: string;
  question_code: string;
  answer_code: string;
  severity: FindingSeverity;
  /** JSON array of measure catalogue codes the finding suggests. */
  measure_codes: string;
  proposed_at: string | null;
  proposed_by_user_id: string | null;
  created_at: string;
};

export type { CcvScanArea };
