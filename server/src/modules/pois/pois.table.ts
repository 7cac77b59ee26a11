import type { Generated } from 'kysely';
import type { Tlp } from '../sharing/sharing.table.js';

export type PoisTable = {
  id: string;
  organisation_id: string;
  display_name: string;
  /** JSON array of alternative names and spellings. */
  names: string;
  birth_date: string | null;
  /** JSON array of PoiAddress. */
  addresses: string;
  /** JSON array of { platform, handle }. */
  online_handles: string;
  notes: string;
  version: number;
  /** TLP 2.0 marking (default AMBER); RED lets grants go to named people only. */
  tlp: Generated<Tlp>;
  created_at: string;
  updated_at: string;
};

export type IncidentPoisTable = {
  incident_id: string;
  poi_id: string;
  organisation_id: string;
  role: string;
  created_at: string;
};

export type PoiGroupsTable = {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  created_at: string;
};

export type PoiGroupMembersTable = {
  group_id: string;
  poi_id: string;
  organisation_id: string;
};

export const duplicateDecisions = ['same', 'different', 'unsure'] as const;
export type DuplicateDecision = (typeof duplicateDecisions)[number];

/** A person's decision on a possible duplicate pair; append-only, the latest per pair counts. */
export type PoiDuplicateDecisionsTable = {
  id: string;
  organisation_id: string;
  /** The pair is normalised: left_poi_id sorts before right_poi_id. */
  left_poi_id: string;
  right_poi_id: string;
  decision: DuplicateDecision;
  note: string | null;
  decided_by_user_id: string;
  decided_at: string;
};
