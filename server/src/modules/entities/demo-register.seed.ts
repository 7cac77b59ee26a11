import type { AppContext, RequestContext } from '../../platform/context.js';
import { requireOrganisationBySlug } from '../organisations/organisations.service.js';
import { actorForUserId } from '../users/users.service.js';
import { generateRegister } from './generator/register.js';
import type { SourceItem } from './ftm-reader.js';
import { createDataset, shareDataset } from './datasets.service.js';
import { importFtmEntities } from './ftm-import.service.js';

/** Size of the demo register: big enough for hubs, straw men and a criminal cluster, small enough to seed in a second or two. */
export const DEMO_REGISTER = { persons: 2_000, seed: 1 } as const;

async function* demoRegisterItems(): AsyncGenerator<SourceItem> {
  let line = 0;
  for (const entity of generateRegister(DEMO_REGISTER)) yield { line: ++line, value: entity };
}

async function riecAnalyst(ctx: AppContext, organisationId: string): Promise<RequestContext> {
  const users = await ctx.db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const analyst = users.find((u) => (JSON.parse(u.roles) as string[]).includes('riec_analyst'));
  const actor = analyst ? await actorForUserId(ctx, analyst.id, 'session', 'seed') : null;
  if (!actor) throw new Error('the demo RIEC needs an account with the riec_analyst role');
  return { ...ctx, actor, origin: { ip: '127.0.0.1', userAgent: 'weerbaar-seed', requestId: 'seed' } };
}

/** Imports the synthetic register (with the demo story) as the RIEC's "kvk-extract", shared with Tilburg for Bibob. */
export async function seedDemoRegister(ctx: AppContext): Promise<void> {
  const riec = await requireOrganisationBySlug(ctx, 'riec-zwb');
  const tilburg = await requireOrganisationBySlug(ctx, 'gemeente-tilburg');
  const dataset = await createDataset(ctx, riec.id, {
    name: 'kvk-extract',
    title: 'Uittreksel handelsregister (synthetisch)',
    kind: 'openbaar_register',
  });
  await importFtmEntities(ctx, dataset.id, demoRegisterItems, { batchSize: 2_000 });
  await shareDataset(await riecAnalyst(ctx, riec.id), dataset.id, {
    granteeOrganisationId: tilburg.id,
    namedUserIds: [],
    purpose: 'bibob_onderzoek',
    legalBasis: 'art. 28 Wet Bibob; convenant RIEC Zeeland-West-Brabant',
    parts: ['kern'],
    expiresAt: new Date(ctx.clock.now().getTime() + 365 * 86_400_000).toISOString(),
  });
}
