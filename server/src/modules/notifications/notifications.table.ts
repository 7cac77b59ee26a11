export type NotificationsTable = {
  id: string;
  organisation_id: string;
  user_id: string;
  kind: string;
  title_nl: string;
  title_en: string;
  subject_type: string;
  subject_id: string;
  created_at: string;
  read_at: string | null;
};

export type WebhooksTable = {
  id: string;
  organisation_id: string;
  url: string;
  /** HMAC-SHA256 key; shown once at creation. */
  secret: string;
  description: string;
  active: number;
  created_at: string;
};
