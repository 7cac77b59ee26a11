import type { OfficeholderDto } from './officeholders.schema.js';
import type { OfficeholderRow } from './officeholders.repository.js';

/** The officeholder as the API shows it, before any masking. */
export const toOfficeholderDto = (
  row: OfficeholderRow,
  stats?: { count: number; last: string | null },
): OfficeholderDto => ({
  id: row.id,
  organisationId: row.organisation_id,
  userId: row.user_id,
  fullName: row.full_name,
  office: row.office,
  party: row.party,
  portfolio: row.portfolio,
  email: row.email,
  phone: row.phone,
  homeAddress: row.home_address,
  familyMembers: row.family_members,
  active: row.active === 1,
  incidentCount: stats?.count ?? 0,
  lastIncidentAt: stats?.last ?? null,
  tlp: row.tlp,
  masked: [],
});
