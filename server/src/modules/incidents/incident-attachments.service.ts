import { AppError, notFound } from '../../platform/errors.js';
import { newId, sha256Hex } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import { officeholderIdOfUser } from '../officeholders/officeholders.service.js';
import { incidentScope, mayAddAttachment } from './incidents.policy.js';
import { requireAccessReason } from '../sharing/sharing.service.js';
import { checkAttachment, safeFileName } from '../../platform/files/file-types.js';
import { loadVisible } from './incidents.service.js';
import { displayNames } from '../users/users.service.js';
import * as repo from './incidents.repository.js';

export type Upload = { fileName: string; contentType: string; data: Buffer };

/** Stores evidence with its SHA-256 after checking type, content and size. */
export async function addAttachment(ctx: RequestContext, incidentId: string, upload: Upload) {
  const { row: incident, access } = await loadVisible(ctx, incidentId);
  const scope = incidentScope(ctx.actor, await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId));
  if (access.via !== 'organisation' || !mayAddAttachment(ctx.actor, scope, incident.officeholder_id)) {
    throw notFound('incident');
  }
  if (upload.data.length > ctx.config.attachmentMaxBytes) {
    throw new AppError('payload_too_large', `file: larger than ${ctx.config.attachmentMaxBytes} bytes`, {
      issues: [{ path: 'file', message: `larger than ${ctx.config.attachmentMaxBytes} bytes` }],
    });
  }
  const fileName = safeFileName(upload.fileName);
  const checked = checkAttachment(fileName, upload.contentType, upload.data);
  if ('problem' in checked) {
    throw new AppError('unsupported_media_type', `file: ${checked.problem}`, {
      issues: [{ path: 'file', message: checked.problem }],
    });
  }
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const sha256 = sha256Hex(upload.data);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertAttachment(trx, {
      id,
      incident_id: incidentId,
      organisation_id: ctx.actor.organisationId,
      file_name: fileName,
      content_type: checked.type,
      size_bytes: upload.data.length,
      sha256,
      data: upload.data,
      uploaded_by_user_id: ctx.actor.userId,
      created_at: now,
    });
    await repo.insertEvent(trx, {
      id: newId(),
      incident_id: incidentId,
      organisation_id: ctx.actor.organisationId,
      at: now,
      actor_user_id: ctx.actor.userId,
      kind: 'attachment_added',
      changes: JSON.stringify({ fileName, sha256, sizeBytes: upload.data.length }),
    });
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'incident.attachment.add',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'incident',
      objectId: incidentId,
      details: { attachmentId: id, sha256 },
      origin: ctx.origin,
    });
  });
  const names = await displayNames(ctx, [ctx.actor.userId]);
  return {
    id,
    fileName,
    contentType: checked.type,
    sizeBytes: upload.data.length,
    sha256,
    uploadedBy: names.get(ctx.actor.userId) ?? '—',
    createdAt: now,
  };
}

/** The bytes of one attachment of a visible incident; the download is audited. */
export async function readAttachment(ctx: RequestContext, incidentId: string, attachmentId: string) {
  const { row: incident, access } = await loadVisible(ctx, incidentId);
  if (!access.parts.includes('bijlagen')) throw notFound('attachment');
  const reason = access.isReasonRequired ? await requireAccessReason(ctx, 'incident', incidentId) : null;
  const row = await repo.findAttachment(ctx.db, incident.organisation_id, incidentId, attachmentId);
  if (!row) throw notFound('attachment');
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'incident.attachment.read',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'incident',
    objectId: incidentId,
    ...(reason ? { purpose: reason.purpose } : {}),
    recordOwnerId: incident.organisation_id,
    details: { attachmentId, via: access.via },
    origin: ctx.origin,
  });
  return { fileName: row.file_name, contentType: row.content_type, data: Buffer.from(row.data), sha256: row.sha256 };
}
