import type { AppContext, RequestContext } from '../../platform/context.js';
import { createOrganisation } from '../../modules/organisations/organisations.service.js';
import { actorForUserId, createUser } from '../../modules/users/users.service.js';
import { createOfficeholder } from '../../modules/officeholders/officeholders.service.js';
import { changeStatus, reportIncident } from '../../modules/incidents/incidents.service.js';
import { demoOfficeholders, demoOrganisations, demoPassword, demoUsers } from './demo-people.js';
import { demoIncidents } from './demo-incidents.js';
import { seedDemoRegister } from '../../modules/entities/demo-register.seed.js';
import { seedDemoPlan } from './demo-plan.js';

export const demoLogins = demoUsers.map((u) => ({
  email: u.email,
  password: demoPassword,
  description: u.description,
}));

/** Fills an empty database with demo organisations, accounts, officeholders and incidents; false if not empty. */
export async function seedDemoData(ctx: AppContext): Promise<boolean> {
  const existing = await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
  if (existing.length > 0) return false;
  const orgIds = new Map<string, string>();
  for (const org of demoOrganisations) orgIds.set(org.slug, (await createOrganisation(ctx, org)).id);
  const userIds = new Map<string, string>();
  for (const u of demoUsers) {
    const user = await createUser(ctx, {
      organisationId: must(orgIds.get(u.org)),
      email: u.email,
      displayName: u.name,
      roles: u.roles,
      password: demoPassword,
      locale: 'nl',
    });
    userIds.set(u.email, user.id);
  }
  const officeholderIds = await seedOfficeholders(ctx, orgIds, userIds);
  await seedIncidents(ctx, officeholderIds, userIds);
  await seedDemoPlan(
    await asUser(ctx, must(userIds.get('adviseur@tilburg.demo'))),
    must(officeholderIds.get('Bram Kuijpers')),
    must(orgIds.get('beveiliging-zuid')),
  );
  await seedDemoRegister(ctx);
  ctx.logger.info('demo data seeded');
  return true;
}

async function asUser(ctx: AppContext, userId: string): Promise<RequestContext> {
  const actor = await actorForUserId(ctx, userId, 'session', 'seed');
  if (!actor) throw new Error('demo user cannot act');
  return { ...ctx, actor, origin: { ip: '127.0.0.1', userAgent: 'weerbaar-seed', requestId: 'seed' } };
}

async function seedOfficeholders(
  ctx: AppContext,
  orgIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of demoOfficeholders) {
    const adviser = o.org === 'gemeente-breda' ? 'adviseur@breda.demo' : 'adviseur@tilburg.demo';
    const rc = await asUser(ctx, must(userIds.get(adviser)));
    if (rc.actor.organisationId !== orgIds.get(o.org)) throw new Error('demo adviser in wrong organisation');
    const created = await createOfficeholder(rc, {
      fullName: o.fullName,
      office: o.office,
      party: o.party ?? null,
      portfolio: o.portfolio ?? null,
      userId: o.userEmail ? must(userIds.get(o.userEmail)) : null,
    });
    ids.set(o.fullName, created.id);
  }
  return ids;
}

async function seedIncidents(
  ctx: AppContext,
  officeholderIds: Map<string, string>,
  userIds: Map<string, string>,
): Promise<void> {
  const now = ctx.clock.now().getTime();
  for (const demo of demoIncidents) {
    const { officeholder, daysAgo, hour, status, aangifte, ...fields } = demo;
    const isBreda = ['Erik Bastiaansen', 'Miriam de Graaf'].includes(officeholder);
    const rc = await asUser(ctx, must(userIds.get(isBreda ? 'adviseur@breda.demo' : 'adviseur@tilburg.demo')));
    const occurred = new Date(now - daysAgo * 86_400_000);
    occurred.setUTCHours(hour - 1, 15, 0, 0);
    const day = occurred.toISOString().slice(0, 10);
    const incident = await reportIncident(rc, {
      ...fields,
      officeholderId: must(officeholderIds.get(officeholder)),
      occurredAt: occurred.toISOString(),
      ...(aangifte ? { aangifteDate: day, internalReportDate: day } : {}),
    });
    if (status) {
      const moved = await changeStatus(rc, incident.id, { status: 'in_behandeling', version: incident.version });
      if (status === 'afgehandeld') {
        await changeStatus(rc, incident.id, {
          status: 'afgehandeld',
          reason: 'afgehandeld_met_nazorg',
          version: moved.version,
        });
      }
    }
  }
}

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('demo seed refers to a missing record');
  return value;
}
