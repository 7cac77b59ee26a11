import { createOrganisation } from '../../src/modules/organisations/organisations.service.js';
import { actorForUserId, createUser } from '../../src/modules/users/users.service.js';
import { createOfficeholder } from '../../src/modules/officeholders/officeholders.service.js';
import { reportIncident } from '../../src/modules/incidents/incidents.service.js';
import type { CreateIncidentInput } from '../../src/modules/incidents/incidents.schema.js';
import type { OrganisationType } from '../../src/modules/organisations/organisations.table.js';
import type { Office } from '../../src/modules/officeholders/officeholders.table.js';
import type { Role } from '../../src/platform/access/roles.js';
import type { AppContext, RequestContext } from '../../src/platform/context.js';

export const testPassword = 'correct horse battery staple';
let counter = 0;
const next = (): number => ++counter;

/** An organisation; slug and name unique per call unless given. */
export async function buildOrganisation(
  ctx: AppContext,
  overrides: { slug?: string; name?: string; type?: OrganisationType } = {},
) {
  const n = next();
  return createOrganisation(ctx, { slug: `org-${n}`, name: `Gemeente Test ${n}`, type: 'gemeente', ...overrides });
}

/** An account with `testPassword`; it still has to enrol TOTP at its first login. */
export async function buildUser(
  ctx: AppContext,
  organisationId: string,
  roles: Role[],
  overrides: { email?: string; displayName?: string } = {},
) {
  const n = next();
  return createUser(ctx, {
    organisationId,
    email: overrides.email ?? `user${n}@example.test`,
    displayName: overrides.displayName ?? `Gebruiker ${n}`,
    roles,
    password: testPassword,
    locale: 'nl',
  });
}

/** Service context acting as a user (for arranging data without HTTP). */
export async function actingAs(ctx: AppContext, userId: string): Promise<RequestContext> {
  const actor = await actorForUserId(ctx, userId, 'session', `test:${userId}`);
  if (!actor) throw new Error('user cannot act');
  return { ...ctx, actor, origin: { ip: '127.0.0.1', userAgent: 'test', requestId: 'test' } };
}

export async function buildOfficeholder(
  rc: RequestContext,
  overrides: { fullName?: string; office?: Office; userId?: string | null } = {},
) {
  return createOfficeholder(rc, {
    fullName: overrides.fullName ?? `Wethouder ${next()}`,
    office: overrides.office ?? 'wethouder',
    userId: overrides.userId ?? null,
  });
}

/** An incident reported by `rc` about `officeholderId`, an hour before the clock's now. */
export async function buildIncident(
  rc: RequestContext,
  officeholderId: string,
  overrides: Partial<CreateIncidentInput> = {},
) {
  return reportIncident(rc, {
    officeholderId,
    occurredAt: new Date(rc.clock.now().getTime() - 3_600_000).toISOString(),
    forms: ['bedreiging_intimidatie'],
    channel: 'social_media',
    severity: 3,
    summary: 'Dreigend bericht na raadsvergadering',
    ...overrides,
  });
}
