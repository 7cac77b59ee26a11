/** Roles a user can hold; permissions follow from roles only (no per-user permission lists). */
export const roles = [
  'platform_admin',
  'org_admin',
  'oov_adviseur',
  'officeholder',
  'bibob_coordinator',
  'riec_analyst',
  'police_liaison',
  'security_provider',
  'support_team',
  'dpo',
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'organisations:manage',
  'users:manage',
  'officeholders:read',
  'officeholders:manage',
  'incidents:report',
  'incidents:read_own',
  'incidents:read',
  'incidents:manage',
  'audit:read',
  'tokens:manage_own',
  'pois:manage',
  'threats:read',
  'threats:assess',
  'plans:manage',
  'work_orders:read_own',
  'work_orders:update_own',
  'webhooks:manage',
  'sharing:manage',
  'shared:read',
  'exports:request',
  'exports:approve',
  'entities:read',
  'entities:manage',
  'datasets:manage',
  'support:request',
  'support:handle',
  'screenings:create',
  'screenings:read',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  platform_admin: ['organisations:manage', 'users:manage', 'tokens:manage_own'],
  org_admin: ['users:manage', 'officeholders:read', 'officeholders:manage', 'tokens:manage_own', 'webhooks:manage'],
  oov_adviseur: [
    'officeholders:read',
    'officeholders:manage',
    'incidents:report',
    'incidents:read',
    'incidents:manage',
    'tokens:manage_own',
    'pois:manage',
    'threats:read',
    'threats:assess',
    'plans:manage',
    'webhooks:manage',
    'sharing:manage',
    'shared:read',
    'exports:request',
    'exports:approve',
    'entities:read',
    'support:request',
    'screenings:create',
    'screenings:read',
  ],
  officeholder: ['incidents:report', 'incidents:read_own', 'support:request'],
  bibob_coordinator: [
    'tokens:manage_own',
    'shared:read',
    'entities:read',
    'entities:manage',
    'screenings:create',
    'screenings:read',
  ],
  riec_analyst: [
    'tokens:manage_own',
    'shared:read',
    'entities:read',
    'entities:manage',
    'datasets:manage',
    'screenings:create',
    'screenings:read',
  ],
  police_liaison: ['tokens:manage_own', 'shared:read'],
  security_provider: ['work_orders:read_own', 'work_orders:update_own', 'tokens:manage_own', 'shared:read'],
  support_team: ['support:handle'],
  dpo: ['audit:read', 'tokens:manage_own', 'exports:approve'],
};

/** The union of permissions of the given roles. */
export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((r) => grants[r]));
}
