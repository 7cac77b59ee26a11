import type {
  CloseReason,
  Domicilie,
  Impact,
  IncidentChannel,
  IncidentForm,
  IncidentStatus,
  IncidentTarget,
  Motive,
  MunicipalProcess,
  Office,
  IncidentPart,
  OrganisationType,
  PerpetratorType,
  Role,
  SharingPurpose,
  Tlp,
} from './codes';

// Response and request shapes, mirroring the zod schemas in server/src/modules (x.schema.ts files).
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type User = {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  locale: 'nl' | 'en';
  active: boolean;
  mfaEnrolled: boolean;
  locked: boolean;
  createdAt: string;
};

export type SessionInfo = {
  stage: 'anonymous' | 'mfa' | 'active';
  csrfToken: string | null;
  user: User | null;
  organisation: { id: string; name: string; type: string } | null;
  permissions: string[];
  roles: Role[];
  officeholderId: string | null;
};

export type LoginResult = { next: 'totp' | 'totp_enrol' | null; csrfToken: string };
export type TotpEnrolment = { secret: string; uri: string; qrDataUrl: string };

export type Taxonomy = {
  forms: IncidentForm[];
  channels: IncidentChannel[];
  targets: IncidentTarget[];
  perpetratorTypes: PerpetratorType[];
  motives: Motive[];
  municipalProcesses: MunicipalProcess[];
  impacts: Impact[];
  domicilie: Domicilie[];
  statuses: IncidentStatus[];
  closeReasons: CloseReason[];
  statusTransitions: Record<IncidentStatus, IncidentStatus[]>;
  offices: Office[];
  organisationTypes: OrganisationType[];
  roles: Role[];
  tlpLevels: Tlp[];
  sharingPurposes: SharingPurpose[];
  incidentParts: IncidentPart[];
};

export type Attachment = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  createdAt: string;
};

export type IncidentDetails = {
  description: string;
  location: string | null;
  targets: IncidentTarget[];
  perpetratorType: PerpetratorType;
  knownPerpetrators: string | null;
  motive: Motive;
  decisionReference: string | null;
  municipalProcess: MunicipalProcess;
  impacts: Impact[];
  internalReportDate: string | null;
  aangifteDate: string | null;
  vptCodes: string[];
  domicilie: Domicilie | null;
  policeReference: string | null;
  employerAangifte: boolean;
  aftercareOffered: boolean;
  aftercareNotes: string | null;
};

/** In a response every detail field can be null: masked for a reader whose sharing grant lacks that part. */
export type MaskableDetails = { [K in keyof IncidentDetails]: IncidentDetails[K] | null };

/** How the reader sees the record: through the own organisation or a sharing grant. */
export type AccessInfo = {
  via: 'organisation' | 'grant';
  parts: string[];
  masked: string[];
  purpose: string | null;
  sharedBy: string | null;
};

export type QuickReport = {
  officeholderId?: string;
  occurredAt: string;
  forms: IncidentForm[];
  channel: IncidentChannel;
  severity: number;
  summary: string;
};

export type Incident = MaskableDetails & {
  id: string;
  reference: string;
  organisationId: string;
  officeholder: { id: string; fullName: string; office: string };
  reportedBy: { id: string; displayName: string };
  status: IncidentStatus;
  statusReason: string | null;
  occurredAt: string;
  reportedAt: string;
  forms: IncidentForm[];
  channel: IncidentChannel;
  severity: number;
  summary: string;
  version: number;
  updatedAt: string;
  attachments: Attachment[] | null;
  tlp?: Tlp;
  access?: AccessInfo;
};

export type IncidentListItem = Pick<
  Incident,
  | 'id'
  | 'reference'
  | 'officeholder'
  | 'status'
  | 'occurredAt'
  | 'forms'
  | 'channel'
  | 'severity'
  | 'summary'
  | 'municipalProcess'
  | 'tlp'
> & { sharedBy?: string | null };

export type IncidentUpdate = Partial<Omit<QuickReport, 'officeholderId'> & IncidentDetails> & { version: number };

export type IncidentEvent = {
  id: string;
  at: string;
  kind: 'created' | 'updated' | 'status_changed' | 'attachment_added';
  actor: { id: string; displayName: string };
  changes: Record<string, unknown>;
};

export type StatusChange = { status: IncidentStatus; reason?: CloseReason; note?: string; version: number };

export type Officeholder = {
  id: string;
  organisationId: string;
  userId: string | null;
  fullName: string;
  office: Office;
  party: string | null;
  portfolio: string | null;
  email: string | null;
  phone: string | null;
  active: boolean;
  incidentCount: number;
  lastIncidentAt: string | null;
  homeAddress?: string | null;
  familyMembers?: string | null;
  masked?: string[];
  tlp?: Tlp;
  /** Present on shared rows and shared detail reads: through which grant the reader sees it. */
  access?: {
    via: 'organisation' | 'grant';
    parts: string[];
    masked: string[];
    purpose: string | null;
    sharedBy: string | null;
  };
};

export type OfficeholderInput = {
  fullName: string;
  office: Office;
  party: string | null;
  portfolio: string | null;
  email: string | null;
  phone: string | null;
  userId: string | null;
  active?: boolean;
};

export type Organisation = {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  active: boolean;
  createdAt: string;
};

export type UserCreate = {
  organisationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
  locale: 'nl' | 'en';
};

export type UserUpdate = {
  displayName?: string;
  roles?: Role[];
  active?: boolean;
  locale?: 'nl' | 'en';
  resetMfa?: true;
  unlock?: true;
};
