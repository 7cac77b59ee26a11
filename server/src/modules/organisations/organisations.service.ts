import { conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { OrganisationType } from './organisations.table.js';
import type { OrganisationDto } from './organisations.schema.js';
import * as repo from './organisations.repository.js';

const toDto = (row: repo.OrganisationRow): OrganisationDto => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  type: row.type,
  active: row.active === 1,
  createdAt: row.created_at,
});

/** Creates an organisation; the slug must be unused. Used by the API, the CLI and the seed. */
export async function createOrganisation(
  ctx: AppContext & Partial<Pick<RequestContext, 'actor' | 'origin'>>,
  input: { slug: string; name: string; type: OrganisationType },
): Promise<OrganisationDto> {
  if (await repo.findOrganisationBySlug(ctx.db, input.slug)) {
    throw conflict(`an organisation with slug "${input.slug}" already exists`);
  }
  const now = ctx.clock.now().toISOString();
  const row = { id: newId(), ...input, active: 1, created_at: now, updated_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertOrganisation(trx, row);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'organisation.create',
      result: 'success',
      actorUserId: ctx.actor?.userId ?? null,
      organisationId: ctx.actor?.organisationId ?? null,
      objectType: 'organisation',
      objectId: row.id,
      ...(ctx.origin ? { origin: ctx.origin } : {}),
    });
  });
  return toDto(row);
}

/** Every organisation; platform administrators only (checked by the route's permission). */
export async function listOrganisations(ctx: RequestContext): Promise<OrganisationDto[]> {
  return (await repo.listOrganisations(ctx.db)).map(toDto);
}

/** Active organisations of one type, e.g. the support organisations a request can go to. */
export async function listActiveOrganisationsOfType(
  ctx: AppContext,
  type: OrganisationType,
): Promise<OrganisationDto[]> {
  return (await repo.listOrganisations(ctx.db)).filter((r) => r.type === type && r.active === 1).map(toDto);
}

/** Renames or (de)activates an organisation. */
export async function updateOrganisation(
  ctx: RequestContext,
  id: string,
  patch: { name?: string | undefined; active?: boolean | undefined },
): Promise<OrganisationDto> {
  const existing = await repo.findOrganisationById(ctx.db, id);
  if (!existing) throw notFound('organisation');
  const changes = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateOrganisation(trx, id, changes);
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'organisation.update',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'organisation',
      objectId: id,
      details: { fields: Object.keys(patch) },
      origin: ctx.origin,
    });
  });
  return toDto({ ...existing, ...changes });
}

/** Looks an organisation up by slug (CLI). */
export async function requireOrganisationBySlug(ctx: AppContext, slug: string): Promise<OrganisationDto> {
  const row = await repo.findOrganisationBySlug(ctx.db, slug);
  if (!row) throw notFound(`organisation "${slug}"`);
  return toDto(row);
}

/** Looks an organisation up by id. */
export async function getOrganisation(ctx: AppContext, id: string): Promise<OrganisationDto> {
  const row = await repo.findOrganisationById(ctx.db, id);
  if (!row) throw notFound('organisation');
  return toDto(row);
}
