import type { Tlp } from '../sharing/sharing.table.js';
import type {
  Domicilie,
  IncidentChannel,
  IncidentStatus,
  Motive,
  MunicipalProcess,
  PerpetratorType,
} from './incident-taxonomy.js';

export type IncidentsTable = {
  id: string;
  organisation_id: string;
  reference: string;
  officeholder_id: string;
  reported_by_user_id: string;
  status: IncidentStatus;
  status_reason: string | null;
  occurred_at: string;
  reported_at: string;
  summary: string;
  description: string;
  channel: IncidentChannel;
  location: string | null;
  /** JSON array of IncidentTarget. */
  targets: string;
  perpetrator_type: PerpetratorType;
  known_perpetrators: string | null;
  motive: Motive;
  decision_reference: string | null;
  municipal_process: MunicipalProcess;
  severity: number;
  /** JSON array of Impact. */
  impacts: string;
  internal_report_date: string | null;
  aangifte_date: string | null;
  /** JSON array of VPT codes. */
  vpt_codes: string;
  domicilie: Domicilie | null;
  police_reference: string | null;
  employer_aangifte: number;
  aftercare_offered: number;
  aftercare_notes: string | null;
  /** TLP 2.0 marking; limits which grants are allowed. */
  tlp: Tlp;
  version: number;
  created_at: string;
  updated_at: string;
};

export type IncidentFormsTable = {
  incident_id: string;
  organisation_id: string;
  form: string;
};

export type IncidentEventsTable = {
  id: string;
  incident_id: string;
  organisation_id: string;
  /** 1, 2, 3 … per incident: the timeline order even when two changes share a timestamp. */
  position: number;
  at: string;
  actor_user_id: string;
  kind: 'created' | 'updated' | 'status_changed' | 'attachment_added';
  /** JSON: { field: [before, after] } or a small descriptor; never attachment bytes. */
  changes: string;
};

export type IncidentAttachmentsTable = {
  id: string;
  incident_id: string;
  organisation_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by_user_id: string;
  created_at: string;
};
