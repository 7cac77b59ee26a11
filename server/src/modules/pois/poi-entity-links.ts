import { z } from 'zod';
import type { Selectable } from 'kysely';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { getEntity } from '../entities/entities.service.js';
import { requirePoi } from './pois.service.js';

export type PoiEntityLinksTable = {
  id: string;
  organisation_id: string;
  poi_id: string;
  dataset_id: string;
  entity_id: string;
  note: string | null;
  created_by_user_id: string;
  created_at: string;
};

const linkSchema = z
  .object({
    id: z.uuid(),
    datasetId: z.uuid(),
    entityId: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
    /** Null when the entity is no longer visible to the reader (dataset no longer shared). */
    entity: z.object({ caption: z.string(), schema: z.string(), isFlagged: z.boolean() }).nullable(),
  })
  .meta({ id: 'PoiEntityLink' });
type LinkDto = z.infer<typeof linkSchema>;

const createLinkSchema = z.strictObject({
  datasetId: z.uuid(),
  entityId: z.string().trim().min(1).max(200),
  note: z.string().trim().max(500).optional(),
});
const poiParams = z.strictObject({ poiId: z.uuid() });
const linkParams = z.strictObject({ poiId: z.uuid(), linkId: z.uuid() });

async function toDto(ctx: RequestContext, row: Selectable<PoiEntityLinksTable>): Promise<LinkDto> {
  // Visibility is decided again at every read: a link made while a dataset was shared shows
  // no entity data once the grant is gone.
  const entity = await getEntity(ctx, row.dataset_id, row.entity_id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
  return {
    id: row.id,
    datasetId: row.dataset_id,
    entityId: row.entity_id,
    note: row.note,
    createdAt: row.created_at,
    entity: entity ? { caption: entity.caption, schema: entity.schema, isFlagged: entity.isFlagged } : null,
  };
}

/** The network entities linked to a person of interest, as far as the reader may see them. */
export async function listPoiEntityLinks(ctx: RequestContext, poiId: string): Promise<LinkDto[]> {
  await requirePoi(ctx, poiId);
  const rows = await ctx.db
    .selectFrom('poi_entity_links')
    .selectAll()
    .where('organisation_id', '=', ctx.actor.organisationId)
    .where('poi_id', '=', poiId)
    .orderBy('created_at')
    .execute();
  return Promise.all(rows.map((r) => toDto(ctx, r)));
}

/** Links a person of interest to an entity the actor can see in the network. */
export async function linkPoiToEntity(
  ctx: RequestContext,
  poiId: string,
  input: z.infer<typeof createLinkSchema>,
): Promise<LinkDto> {
  await requirePoi(ctx, poiId);
  await getEntity(ctx, input.datasetId, input.entityId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') {
      throw new AppError('validation_failed', 'entityId: no such entity you may see', {
        issues: [{ path: 'entityId', message: 'no such entity you may see' }],
      });
    }
    throw error;
  });
  const exists = await ctx.db
    .selectFrom('poi_entity_links')
    .select('id')
    .where('poi_id', '=', poiId)
    .where('dataset_id', '=', input.datasetId)
    .where('entity_id', '=', input.entityId)
    .executeTakeFirst();
  if (exists) throw conflict('this entity is already linked');
  const row = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    poi_id: poiId,
    dataset_id: input.datasetId,
    entity_id: input.entityId,
    note: input.note ?? null,
    created_by_user_id: ctx.actor.userId,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('poi_entity_links').values(row).execute();
    await audit(ctx, trx, 'poi.entity_link.create', poiId, { linkId: row.id });
  });
  return toDto(ctx, row);
}

/** Removes a link. */
export async function unlinkPoiEntity(ctx: RequestContext, poiId: string, linkId: string): Promise<void> {
  await requirePoi(ctx, poiId);
  await ctx.db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('poi_entity_links')
      .where('id', '=', linkId)
      .where('poi_id', '=', poiId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('link');
    await audit(ctx, trx, 'poi.entity_link.delete', poiId, { linkId });
  });
}

function audit(
  ctx: RequestContext,
  db: AppContext['db'],
  action: string,
  poiId: string,
  details: Record<string, unknown>,
) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'poi',
    objectId: poiId,
    details,
    origin: ctx.origin,
  });
}

const tags = ['persons of interest'];

/** Links between persons of interest and entities of the network. */
export function registerPoiEntityLinkRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/pois/:poiId/entity-links',
    {
      config: { access: 'pois:manage' },
      schema: {
        tags,
        summary: 'Network entities linked to a person of interest (as far as you may see them)',
        params: poiParams,
        response: { 200: z.array(linkSchema) },
      },
    },
    async (req) => listPoiEntityLinks(requestContext(req, ctx), req.params.poiId),
  );
  app.post(
    '/pois/:poiId/entity-links',
    {
      config: { access: 'pois:manage' },
      schema: {
        tags,
        summary: 'Link a person of interest to an entity you may see',
        params: poiParams,
        body: createLinkSchema,
        response: { 201: linkSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await linkPoiToEntity(requestContext(req, ctx), req.params.poiId, req.body)),
  );
  app.delete(
    '/pois/:poiId/entity-links/:linkId',
    {
      config: { access: 'pois:manage' },
      schema: { tags, summary: 'Remove a link', params: linkParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await unlinkPoiEntity(requestContext(req, ctx), req.params.poiId, req.params.linkId);
      return reply.status(204).send(null);
    },
  );
}
