/** What the support team can help with (with Dutch and English labels in the schema). */
export const supportKinds = [
  'vertrouwelijk_advies',
  'collegiale_ondersteuning',
  'juridische_hulp',
  'psychosociale_zorg',
] as const;
export type SupportKind = (typeof supportKinds)[number];

/** Who needs the help: the officeholder, their family (naasten), or both. */
export const supportRecipients = ['ambtsdrager', 'naasten', 'beide'] as const;
export type SupportRecipient = (typeof supportRecipients)[number];

export const supportStatuses = ['ingediend', 'in_behandeling', 'afgerond', 'ingetrokken'] as const;
export type SupportStatus = (typeof supportStatuses)[number];

export type SupportRequestsTable = {
  id: string;
  /** The requester's municipality (owner of the record). */
  organisation_id: string;
  /** The support organisation (type ondersteuningsteam) that handles it. */
  support_organisation_id: string;
  requester_user_id: string;
  officeholder_id: string;
  kind: SupportKind;
  for_whom: SupportRecipient;
  /** Sealed at rest. */
  summary: string;
  /** Sealed at rest. */
  details: string;
  status: SupportStatus;
  status_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
};

export type SupportRequestNotesTable = {
  id: string;
  request_id: string;
  /** The request's owner organisation, so the sealed body is bound to the same tenant. */
  organisation_id: string;
  author_user_id: string;
  author_role: 'support_team' | 'requester';
  /** Sealed at rest. */
  body: string;
  created_at: string;
};
