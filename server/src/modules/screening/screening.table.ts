import type { Generated } from 'kysely';
import type { Tlp } from '../sharing/sharing.table.js';

/** What the adviser concluded after a screening. */
export const screeningOutcomes = ['geen_bezwaar', 'nader_onderzoek', 'bibob_advies_vragen'] as const;
export type ScreeningOutcome = (typeof screeningOutcomes)[number];

/** The FtM schemata an applicant can be screened as. */
export const screeningSchemata = ['Person', 'Company', 'LegalEntity', 'Organization'] as const;
export type ScreeningSchema = (typeof screeningSchemata)[number];

/**
 * A screening as a record: the request, and everything the engines answered at that moment
 * (candidates, paths, red flags as JSON), so the record stays what the adviser saw even
 * when the register changes later.
 */
export type ScreeningsTable = {
  id: string;
  organisation_id: string;
  created_by_user_id: string;
  created_at: string;
  purpose: string;
  case_reference: string | null;
  subject_schema: ScreeningSchema;
  /** Caption of the subject (its first name), for lists. */
  subject_caption: string;
  /** JSON: { schema, properties } as requested. */
  subject: string;
  /** JSON array of { id, name, title } of the datasets screened against. */
  datasets: string;
  /** JSON: candidates, paths, skipped hubs and red flags. */
  result: string;
  candidate_count: number;
  red_flag_count: number;
  conclusion_outcome: ScreeningOutcome | null;
  conclusion_text: string | null;
  concluded_by_user_id: string | null;
  concluded_at: string | null;
  /** TLP 2.0 marking (default AMBER); RED lets grants go to named people only. */
  tlp: Generated<Tlp>;
};

/**
 * Every conclusion recorded on a screening, kept as history: never changed or deleted while the
 * screening lives (the newest is the current one, also copied onto the screening for lists).
 */
export type ScreeningConclusionsTable = {
  id: string;
  organisation_id: string;
  screening_id: string;
  /** 1 for the first conclusion of the screening, then 2, ...: the highest is the current one. */
  position: number;
  outcome: ScreeningOutcome;
  text: string;
  concluded_by_user_id: string;
  concluded_at: string;
};
