export type AuditEventsTable = {
  seq: number;
  at: string;
  request_id: string | null;
  actor_user_id: string | null;
  organisation_id: string | null;
  /** The record's owner organisation when it is not the actor's (reads through a grant). */
  record_owner_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'success' | 'denied' | 'failure';
  ip: string | null;
  user_agent: string | null;
  purpose: string | null;
  /** JSON of non-sensitive details (filters used, fields changed: names only). */
  details: string;
  /** RFC 9162 leaf hash of the canonical event (hex). */
  leaf_hash: string;
};
