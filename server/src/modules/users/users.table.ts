export type UsersTable = {
  id: string;
  organisation_id: string;
  email: string;
  display_name: string;
  password_hash: string;
  /** JSON array of Role. */
  roles: string;
  locale: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
  failed_logins: number;
  locked_until: string | null;
  active: number;
  created_at: string;
  updated_at: string;
};

export type SessionsTable = {
  id: string;
  user_id: string;
  organisation_id: string;
  stage: 'mfa' | 'active';
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
};

export type ApiTokensTable = {
  id: string;
  user_id: string;
  organisation_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};
