/** Traffic Light Protocol 2.0 markings. */
export const tlpLevels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof tlpLevels)[number];

/** Why a record is shared; also the purposes a reader can give for opening one. */
export const sharingPurposes = [
  'aangifte_en_opsporing',
  'dreigingsinschatting',
  'uitvoering_beveiligingsmaatregel',
  'riec_casus',
  'bibob_onderzoek',
  'ondersteuning_ambtsdrager',
  'behandeling_melding',
  'toezicht_gegevensbescherming',
] as const;
export type SharingPurpose = (typeof sharingPurposes)[number];

/** Record types that can be shared; later modules add theirs. */
export const shareableRecordTypes = [
  'incident',
  'dataset',
  'support_request',
  'screening',
  'officeholder',
  'poi',
] as const;
export type ShareableRecordType = (typeof shareableRecordTypes)[number];

export type GrantsTable = {
  id: string;
  organisation_id: string;
  record_type: ShareableRecordType;
  record_id: string;
  grantee_organisation_id: string;
  purpose: SharingPurpose;
  legal_basis: string;
  /** JSON array of part names of the record type. */
  parts: string;
  expires_at: string;
  created_by_user_id: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by_user_id: string | null;
};

export type GrantUsersTable = { grant_id: string; user_id: string };

export type AccessReasonsTable = {
  id: string;
  /** The session or API token the reason was given in: asked once per record per session. */
  credential_id: string;
  user_id: string;
  organisation_id: string;
  record_type: string;
  record_id: string;
  purpose: SharingPurpose;
  note: string | null;
  created_at: string;
};

export type ExportRequestsTable = {
  id: string;
  organisation_id: string;
  kind: 'incidents_csv';
  filters: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected' | 'downloaded';
  requested_by_user_id: string;
  requested_at: string;
  decided_by_user_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
  expires_at: string | null;
  downloaded_at: string | null;
};
