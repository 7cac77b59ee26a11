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
