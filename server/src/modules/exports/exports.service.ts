import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { can } from '../../platform/access/actor.js';
import type { RequestContext } from '../../platform/context.js';
import { displayNames } from '../users/users.service.js';
import { incidentsForExport } from '../incidents/incidents.service.js';
import type { CreateExportInput, ExportRequestDto } from './exports.schema.js';
import { toCsv } from './csv.js';
import * as repo from './exports.repository.js';

const downloadWindowHours = 24;

async function toDtos(ctx: RequestContext, rows: repo.ExportRow[]): Promise<ExportRequestDto[]> {
  const names = await displayNames(
    ctx,
    rows.flatMap((r) => [r.requested_by_user_id, r.decided_by_user_id ?? '']).filter(Boolean),
  );
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '—' } : null);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    filters: JSON.parse(r.filters) as Record<string, unknown>,
    reason: r.reason,
    status: r.status,
    requestedBy: person(r.requested_by_user_id) ?? { id: r.requested_by_user_id, displayName: '—' },
    requestedAt: r.requested_at,
    decidedBy: person(r.decided_by_user_id),
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    expiresAt: r.expires_at,
  }));
}

function audit(
  ctx: RequestContext,
  db: RequestContext['db'],
  action: string,
  id: string,
  details: Record<string, unknown> = {},
) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'export',
    objectId: id,
    details,
    origin: ctx.origin,
  });
}

/** Asks for a bulk export of personal data; a second authorised person must approve it. */
export async function requestExport(ctx: RequestContext, input: CreateExportInput): Promise<ExportRequestDto> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertExport(trx, {
      id,
      organisation_id: ctx.actor.organisationId,
      kind: input.kind,
      filters: JSON.stringify(input.filters),
      reason: input.reason,
      status: 'pending',
      requested_by_user_id: ctx.actor.userId,
      requested_at: ctx.clock.now().toISOString(),
      decided_by_user_id: null,
      decided_at: null,
      decision_note: null,
      expires_at: null,
      downloaded_at: null,
    });
    await audit(ctx, trx, 'export.request', id, { kind: input.kind, filters: Object.keys(input.filters) });
  });
  return (await listExports(ctx)).find((e) => e.id === id) as ExportRequestDto;
}

/** The organisation's export requests (for requesters and approvers). */
export async function listExports(ctx: RequestContext): Promise<ExportRequestDto[]> {
  if (!can(ctx.actor, 'exports:request') && !can(ctx.actor, 'exports:approve')) throw forbidden('no export rights');
  return toDtos(ctx, await repo.listExports(ctx.db, ctx.actor.organisationId));
}

/** Approves or rejects a pending request; the requester can never decide their own. */
export async function decideExport(
  ctx: RequestContext,
  id: string,
  input: { approve: boolean; note?: string | undefined },
): Promise<ExportRequestDto> {
  const row = await repo.findExport(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFound('export request');
  if (row.requested_by_user_id === ctx.actor.userId) throw forbidden('four-eyes: requester cannot approve');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const isApplied = await repo.updateExportFrom(trx, id, 'pending', {
      status: input.approve ? 'approved' : 'rejected',
      decided_by_user_id: ctx.actor.userId,
      decided_at: now.toISOString(),
      decision_note: input.note ?? null,
      expires_at: input.approve ? new Date(now.getTime() + downloadWindowHours * 3_600_000).toISOString() : null,
    });
    if (!isApplied) throw conflict('this request has already been decided');
    await audit(ctx, trx, input.approve ? 'export.approve' : 'export.reject', id);
  });
  return (await listExports(ctx)).find((e) => e.id === id) as ExportRequestDto;
}

/** The CSV of an approved request, once, for its requester, within the download window. */
export async function downloadExport(ctx: RequestContext, id: string): Promise<{ fileName: string; csv: string }> {
  const row = await repo.findExport(ctx.db, ctx.actor.organisationId, id);
  if (!row || row.requested_by_user_id !== ctx.actor.userId) throw notFound('export request');
  if (row.status !== 'approved') throw new AppError('conflict', `the request is ${row.status}, not approved`);
  if (!row.expires_at || row.expires_at <= ctx.clock.now().toISOString())
    throw conflict('the approval has expired; ask again');
  const items = await incidentsForExport(ctx, JSON.parse(row.filters) as Parameters<typeof incidentsForExport>[1]);
  const csv = toCsv(
    ['referentie', 'datum', 'ambtsdrager', 'functie', 'vormen', 'kanaal', 'ernst', 'status', 'proces', 'samenvatting'],
    items.map((i) => [
      i.reference,
      i.occurredAt,
      i.officeholder.fullName,
      i.officeholder.office,
      i.forms,
      i.channel,
      i.severity,
      i.status,
      i.municipalProcess,
      i.summary,
    ]),
  );
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updateExportFrom(trx, id, 'approved', {
        status: 'downloaded',
        downloaded_at: ctx.clock.now().toISOString(),
      }))
    ) {
      throw conflict('this export has already been downloaded');
    }
    await audit(ctx, trx, 'export.download', id, { rows: items.length });
  });
  return { fileName: `weerbaar-meldingen-${ctx.clock.now().toISOString().slice(0, 10)}.csv`, csv };
}
