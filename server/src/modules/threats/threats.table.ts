export type ThreatAssessmentsTable = {
  id: string;
  organisation_id: string;
  officeholder_id: string;
  assessed_by_user_id: string;
  assessed_at: string;
  advised_level: string;
  advised_score: number;
  /** JSON of the engine's ThreatAdvice at the moment of assessment. */
  advice: string;
  decided_level: string;
  decision_reason: string | null;
  /** JSON FactorCoding. */
  factors: string;
  /** JSON array of the incident ids the advice considered. */
  incident_ids: string;
  product: string;
  authority: string;
  valid_from: string;
  valid_until: string;
  created_at: string;
};

/** The current factor coding per officeholder, so a changed factor can trigger re-assessment. */
export type ThreatProfilesTable = {
  officeholder_id: string;
  organisation_id: string;
  factors: string;
  updated_by_user_id: string;
  updated_at: string;
};
