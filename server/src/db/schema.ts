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
import type {
  AccessReasonsTable,
  ExportRequestsTable,
  GrantsTable,
  GrantUsersTable,
} from '../modules/sharing/sharing.table.js';
import type { JobsTable } from '../platform/jobs/jobs.table.js';
import type { IncidentPoisTable, PoiGroupMembersTable, PoiGroupsTable, PoisTable } from '../modules/pois/pois.table.js';
import type { ThreatAssessmentsTable, ThreatProfilesTable } from '../modules/threats/threats.table.js';
import type { MeasurePlansTable, PlanMeasuresTable, WorkOrdersTable } from '../modules/measures/measures.table.js';
import type { TasksTable } from '../modules/tasks/tasks.table.js';
import type { NotificationsTable, WebhooksTable } from '../modules/notifications/notifications.table.js';
import type {
  DatasetsTable,
  EntitiesTable,
  EntityFlagsTable,
  EntityRefsTable,
  MatchDecisionsTable,
} from '../modules/entities/entities.table.js';
import type { ScanAnswersTable, ScanFindingsTable, SecurityScansTable } from '../modules/scans/scans.table.js';
import type { SupportRequestNotesTable, SupportRequestsTable } from '../modules/support/support.table.js';
import type { PoiDuplicateDecisionsTable } from '../modules/pois/pois.table.js';
import type { ScreeningConclusionsTable, ScreeningsTable } from '../modules/screening/screening.table.js';

import type { PoiEntityLinksTable } from '../modules/pois/poi-entity-links.js';
import type { PoiPhotosTable } from '../modules/pois/poi-photos.table.js';

/** Every table Kysely knows, keyed by table name. */
export type Database = {
  poi_entity_links: PoiEntityLinksTable;
  poi_photos: PoiPhotosTable;
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
  grants: GrantsTable;
  grant_users: GrantUsersTable;
  access_reasons: AccessReasonsTable;
  export_requests: ExportRequestsTable;
  jobs: JobsTable;
  pois: PoisTable;
  incident_pois: IncidentPoisTable;
  poi_groups: PoiGroupsTable;
  poi_group_members: PoiGroupMembersTable;
  threat_assessments: ThreatAssessmentsTable;
  threat_profiles: ThreatProfilesTable;
  measure_plans: MeasurePlansTable;
  plan_measures: PlanMeasuresTable;
  work_orders: WorkOrdersTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  datasets: DatasetsTable;
  entities: EntitiesTable;
  entity_refs: EntityRefsTable;
  entity_flags: EntityFlagsTable;
  match_decisions: MatchDecisionsTable;
  security_scans: SecurityScansTable;
  scan_answers: ScanAnswersTable;
  scan_findings: ScanFindingsTable;
  support_requests: SupportRequestsTable;
  support_request_notes: SupportRequestNotesTable;
  poi_duplicate_decisions: PoiDuplicateDecisionsTable;
  screenings: ScreeningsTable;
  screening_conclusions: ScreeningConclusionsTable;
  /** Counters moved by triggers on writes that change access (see db/cache-version.ts). */
  cache_versions: { name: string; version: number };
};
