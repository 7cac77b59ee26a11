import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/types.js';
import { requestContext } from '../../platform/http/request-context.js';
import { addPoiPhoto, listPoiPhotos, readPoiPhoto } from './poi-photos.service.js';

const tags = ['persons of interest'];
const photoSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'PoiPhoto' });
const poiParams = z.strictObject({ poiId: z.uuid() });
const photoParams = z.strictObject({ poiId: z.uuid(), photoId: z.uuid() });

/** Photos of persons of interest. */
export function registerPoiPhotoRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/pois/:poiId/photos',
    {
      config: { access: 'pois:manage' },
      schema: {
        tags,
        summary: 'Photos of a person of interest',
        params: poiParams,
        response: { 200: z.array(photoSchema) },
      },
    },
    async (req) => listPoiPhotos(requestContext(req, ctx), req.params.poiId),
  );
  app.post(
    '/pois/:poiId/photos',
    {
      config: { access: 'pois:manage' },
      schema: {
        tags,
        summary: 'Add a photo (multipart field "file": PNG, JPEG or WebP)',
        consumes: ['multipart/form-data'],
        params: poiParams,
        response: { 201: photoSchema },
      },
    },
    async (req, reply) => {
      const rc = requestContext(req, ctx);
      // Another organisation's person answers 404 before anything about the upload is said.
      await listPoiPhotos(rc, req.params.poiId);
      const part = req.isMultipart() ? await req.file() : undefined;
      if (!part || part.fieldname !== 'file') {
        throw new AppError('validation_failed', 'file: send multipart/form-data with a field "file"', {
          issues: [{ path: 'file', message: 'required' }],
        });
      }
      const data = await part.toBuffer();
      const photo = await addPoiPhoto(rc, req.params.poiId, {
        fileName: part.filename,
        contentType: part.mimetype,
        data,
      });
      return reply.status(201).send(photo);
    },
  );
  app.get(
    '/pois/:poiId/photos/:photoId',
    { config: { access: 'pois:manage' }, schema: { tags, summary: 'One photo (audited)', params: photoParams } },
    async (req, reply) => {
      const photo = await readPoiPhoto(requestContext(req, ctx), req.params.poiId, req.params.photoId);
      return reply
        .type(photo.contentType)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`)
        .header('x-content-sha256', photo.sha256)
        .send(photo.data);
    },
  );
}
