import type { IncidentDto, IncidentListItem } from './incidents.schema.js';
import type { AttachmentMeta, IncidentListRow } from './incidents.repository.js';
import type { IncidentForm } from './incident-taxonomy.js';
import type { AccessInfo } from '../sharing/sharing.schema.js';
import { maskIncident } from './incident-parts.js';

const list = <T>(json: string): T[] => JSON.parse(json) as T[];

/** Maps a stored row to the list item the API returns; a shared incident shows only its core. */
export function toListItem(row: IncidentListRow, forms: string[], sharedBy: string | null = null): IncidentListItem {
  const item = coreOf(row, forms);
  return { ...item, municipalProcess: sharedBy ? null : item.municipalProcess, sharedBy };
}

function coreOf(row: IncidentListRow, forms: string[]) {
  return {
    id: row.id,
    reference: row.reference,
    officeholder: { id: row.officeholder_id, fullName: row.officeholder_name, office: row.officeholder_office },
    status: row.status,
    occurredAt: row.occurred_at,
    forms: forms as IncidentForm[],
    channel: row.channel,
    severity: row.severity,
    summary: row.summary,
    municipalProcess: row.municipal_process,
    tlp: row.tlp,
  };
}

/** Maps a stored row with its forms and attachments to the full incident record. */
export function toIncidentDto(
  row: IncidentListRow,
  forms: string[],
  attachments: AttachmentMeta[],
  names: Map<string, string>,
  access: Omit<AccessInfo, 'masked'>,
): IncidentDto {
  const full: IncidentDto = {
    ...coreOf(row, forms),
    access: { ...access, masked: [] },
    organisationId: row.organisation_id,
    reportedBy: { id: row.reported_by_user_id, displayName: names.get(row.reported_by_user_id) ?? '—' },
    statusReason: row.status_reason,
    reportedAt: row.reported_at,
    description: row.description,
    location: row.location,
    targets: list(row.targets),
    perpetratorType: row.perpetrator_type,
    knownPerpetrators: row.known_perpetrators,
    motive: row.motive,
    decisionReference: row.decision_reference,
    impacts: list(row.impacts),
    internalReportDate: row.internal_report_date,
    aangifteDate: row.aangifte_date,
    vptCodes: list(row.vpt_codes),
    domicilie: row.domicilie,
    policeReference: row.police_reference,
    employerAangifte: row.employer_aangifte === 1,
    aftercareOffered: row.aftercare_offered === 1,
    aftercareNotes: row.aftercare_notes,
    version: row.version,
    updatedAt: row.updated_at,
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      contentType: a.content_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      uploadedBy: names.get(a.uploaded_by_user_id) ?? '—',
      createdAt: a.created_at,
    })),
  };
  const { dto, masked } = maskIncident(full, access.parts);
  return { ...dto, access: { ...access, masked } };
}

/** Column values for the detail fields of a create or update input (only the given keys). */
export function detailColumns(input: Partial<Omit<IncidentDto, 'forms'>>): Record<string, unknown> {
  const map: Record<string, [string, (v: unknown) => unknown]> = {
    occurredAt: ['occurred_at', (v) => new Date(String(v)).toISOString()],
    channel: ['channel', (v) => v],
    severity: ['severity', (v) => v],
    summary: ['summary', (v) => v],
    description: ['description', (v) => v],
    location: ['location', (v) => v],
    targets: ['targets', (v) => JSON.stringify(v)],
    perpetratorType: ['perpetrator_type', (v) => v],
    knownPerpetrators: ['known_perpetrators', (v) => v],
    motive: ['motive', (v) => v],
    decisionReference: ['decision_reference', (v) => v],
    municipalProcess: ['municipal_process', (v) => v],
    impacts: ['impacts', (v) => JSON.stringify(v)],
    internalReportDate: ['internal_report_date', (v) => v],
    aangifteDate: ['aangifte_date', (v) => v],
    vptCodes: ['vpt_codes', (v) => JSON.stringify(v)],
    domicilie: ['domicilie', (v) => v],
    policeReference: ['police_reference', (v) => v],
    employerAangifte: ['employer_aangifte', (v) => (v ? 1 : 0)],
    aftercareOffered: ['aftercare_offered', (v) => (v ? 1 : 0)],
    aftercareNotes: ['aftercare_notes', (v) => v],
  };
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const entry = map[key];
    if (entry && value !== undefined) columns[entry[0]] = entry[1](value);
  }
  return columns;
}
