import type { OrganisationsTable } from '../modules/organisations/organisations.table.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from '../modules/users/users.table.js';
import type { OfficeholdersTable } from '../modules/officeholders/officeholders.table.js';
import type {
  IncidentAttachmentsTable,
  IncidentEventsTable,
  IncidentFormsTable,
  IncidentsTable,
} from '../modules/incidents/incidents.table.js';
import type { AuditEventsTable } from '../platform/audit/audit.table.js';

/** Every table Kysely knows, keyed by table name. */
export type Database = {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  officeholders: OfficeholdersTable;
  incidents: IncidentsTable;
  incident_forms: IncidentFormsTable;
  incident_events: IncidentEventsTable;
  incident_attachments: IncidentAttachmentsTable;
  audit_events: AuditEventsTable;
};
