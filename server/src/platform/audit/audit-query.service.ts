import type { RequestContext } from '../context.js';
import { recordAudit } from './audit.service.js';
import type { AuditEventDto, AuditQuery } from './audit.schema.js';

/**
 * The DPO's view of the trail for the own organisation: who accessed a person or record, what
 * one user accessed, denied attempts. Looking is itself an audited access.
 */
export async function searchAuditEvents(
  ctx: RequestContext,
  query: AuditQuery,
): Promise<{ items: AuditEventDto[]; total: number; page: number; pageSize: number }> {
  // The own organisation's events, and others' accesses to records the organisation owns.
  let q = ctx.db
    .selectFrom('audit_events as a')
    .where((eb) =>
      eb.or([
        eb('a.organisation_id', '=', ctx.actor.organisationId),
        eb('a.record_owner_id', '=', ctx.actor.organisationId),
      ]),
    );
  if (query.objectType) q = q.where('a.object_type', '=', query.objectType);
  if (query.objectId) q = q.where('a.object_id', '=', query.objectId);
  if (query.actorUserId) q = q.where('a.actor_user_id', '=', query.actorUserId);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.result) q = q.where('a.result', '=', query.result);
  if (query.from) q = q.where('a.at', '>=', new Date(query.from).toISOString());
  if (query.to) q = q.where('a.at', '<', new Date(Date.parse(query.to) + 86_400_000).toISOString());
  const rows = await q
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .leftJoin('organisations as o', 'o.id', 'a.organisation_id')
    .selectAll('a')
    .select(['u.display_name', 'o.name as organisation_name'])
    .orderBy('a.seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const count = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'audit.search',
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    details: { filters: Object.keys(query).filter((k) => k !== 'page' && k !== 'pageSize') },
    origin: ctx.origin,
  });
  return {
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      action: r.action,
      result: r.result,
      actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.display_name ?? '—' } : null,
      actorOrganisation: r.organisation_name ?? null,
      objectType: r.object_type,
      objectId: r.object_id,
      purpose: r.purpose,
      ip: r.ip,
      userAgent: r.user_agent,
      requestId: r.request_id,
      details: JSON.parse(r.details) as Record<string, unknown>,
    })),
    total: Number(count.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
