import { AppError, notFound } from '../../platform/errors.js';
import { newId, sha256Hex } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { checkAttachment, safeFileName } from '../../platform/files/file-types.js';
import type { RequestContext } from '../../platform/context.js';
import { requirePoi } from './pois.service.js';

const photoTypes = ['image/png', 'image/jpeg', 'image/webp'];

export type PoiPhotoDto = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
};

function audit(ctx: RequestContext, action: string, poiId: string, details: Record<string, unknown>) {
  return recordAudit(ctx.db, ctx.dialect, ctx.clock, {
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

/** Adds a photo (PNG, JPEG or WebP, checked by content) to an own person of interest. */
export async function addPoiPhoto(
  ctx: RequestContext,
  poiId: string,
  upload: { fileName: string; contentType: string; data: Buffer },
): Promise<PoiPhotoDto> {
  await requirePoi(ctx, poiId);
  const fileName = safeFileName(upload.fileName);
  const checked = photoTypes.includes(upload.contentType)
    ? checkAttachment(fileName, upload.contentType, upload.data)
    : { problem: `type ${upload.contentType} is not a photo (PNG, JPEG or WebP)` };
  if ('problem' in checked) {
    throw new AppError('unsupported_media_type', `file: ${checked.problem}`, {
      issues: [{ path: 'file', message: checked.problem }],
    });
  }
  const row = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    poi_id: poiId,
    file_name: fileName,
    content_type: checked.type,
    size_bytes: upload.data.length,
    sha256: sha256Hex(upload.data),
    data: upload.data,
    uploaded_by_user_id: ctx.actor.userId,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('poi_photos').values(row).execute();
    await audit({ ...ctx, db: trx }, 'poi.photo.add', poiId, { photoId: row.id, sha256: row.sha256 });
  });
  const { data: _data, ...meta } = row;
  return toDto(meta);
}

const toDto = (r: {
  id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
}): PoiPhotoDto => ({
  id: r.id,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: Number(r.size_bytes),
  sha256: r.sha256,
  createdAt: r.created_at,
});

/** The photos of an own person of interest (metadata only). */
export async function listPoiPhotos(ctx: RequestContext, poiId: string): Promise<PoiPhotoDto[]> {
  await requirePoi(ctx, poiId);
  const rows = await ctx.db
    .selectFrom('poi_photos')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'created_at'])
    .where('organisation_id', '=', ctx.actor.organisationId)
    .where('poi_id', '=', poiId)
    .orderBy('created_at')
    .execute();
  return rows.map(toDto);
}

/** One photo's bytes; the view is audited. */
export async function readPoiPhoto(ctx: RequestContext, poiId: string, photoId: string) {
  await requirePoi(ctx, poiId);
  const row = await ctx.db
    .selectFrom('poi_photos')
    .selectAll()
    .where('organisation_id', '=', ctx.actor.organisationId)
    .where('poi_id', '=', poiId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  if (!row) throw notFound('photo');
  await audit(ctx, 'poi.photo.read', poiId, { photoId });
  return { contentType: row.content_type, data: Buffer.from(row.data), sha256: row.sha256, fileName: row.file_name };
}
