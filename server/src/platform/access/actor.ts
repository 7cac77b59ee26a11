import type { Permission, Role } from './roles.js';

/** Who is acting, as established by the auth layer; services check policies against it. */
export type Actor = {
  userId: string;
  organisationId: string;
  roles: Role[];
  permissions: Set<Permission>;
  via: 'session' | 'api_token';
  /** The session or API token acting: reasons for access are asked once per record per credential. */
  credentialId: string;
};

/** Where a request came from; stored on audit events. */
export type Origin = { ip: string; userAgent: string; requestId: string };

export const can = (actor: Actor, permission: Permission): boolean => actor.permissions.has(permission);
