import type { Updateable } from 'kysely';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit, type AuditInput } from '../../platform/audit/audit.service.js';
import type { Db } from '../../db/database.js';
import type { RequestContext } from '../../platform/context.js';
import { officeholderForReport, officeholderIdOfUser } from '../officeholders/officeholders.service.js';
import { displayNames } from '../users/users.service.js';
import { statusTransitions } from './incident-taxonomy.js';
import { incidentScope, type IncidentScope } from './incidents.policy.js';
import { accessToIncident, type IncidentAccess } from './incident-access.js';
import { requireAccessReason, sharedRecordIds } from '../sharing/sharing.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { detailColumns, toIncidentDto, toListItem } from './incident-mapper.js';
import type {
  CreateIncidentInput,
  IncidentDto,
  IncidentListItem,
  IncidentListQuery,
  StatusChangeInput,
  UpdateIncidentInput,
} from './incidents.schema.js';
import type { IncidentsTable } from './incidents.table.js';
import * as repo from './incidents.repository.js';
import { onIncidentReported } from '../threats/threat-triggers.service.js';

async function scopeOf(ctx: RequestContext): Promise<IncidentScope> {
  const own = await officeholderIdOfUser(ctx, ctx.actor.organisationId, ctx.actor.userId);
  return incidentScope(ctx.actor, own);
}

function audit(ctx: RequestContext, db: Db, input: Omit<AuditInput, 'actorUserId' | 'organisationId' | 'origin'>) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    ...input,
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    origin: ctx.origin,
  });
}

function assertDates(
  ctx: RequestContext,
  occurredAt: string,
  dates: { path: string; value: string | null | undefined }[],
): void {
  const occurred = new Date(occurredAt);
  // Five minutes of slack for a phone whose clock runs ahead.
  if (occurred.getTime() > ctx.clock.now().getTime() + 5 * 60_000) throw invalid('occurredAt', 'lies in the future');
  const day = occurred.toISOString().slice(0, 10);
  for (const { path, value } of dates) {
    if (value && value < day) throw invalid(path, 'lies before the incident date');
  }
}

/** Registers an incident: a quick report from an officeholder or a full record from an adviser. */
export async function reportIncident(ctx: RequestContext, input: CreateIncidentInput): Promise<IncidentDto> {
  const officeholderId = await officeholderForReport(ctx, input.officeholderId);
  assertDates(ctx, input.occurredAt, [
    { path: 'aangifteDate', value: input.aangifteDate },
    { path: 'internalReportDate', value: input.internalReportDate },
  ]);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const defaults = {
    description: '',
    location: null,
    targets: '["person"]',
    perpetrator_type: 'unknown' as const,
    known_perpetrators: null,
    motive: 'unknown' as const,
    decision_reference: null,
    municipal_process: 'none' as const,
    impacts: '[]',
    internal_report_date: null,
    aangifte_date: null,
    vpt_codes: '[]',
    domicilie: null,
    police_reference: null,
    employer_aangifte: 0,
    aftercare_offered: 0,
    aftercare_notes: null,
  };
  const row = {
    ...defaults,
    ...(detailColumns(input) as Partial<IncidentsTable>),
    id,
    organisation_id: ctx.actor.organisationId,
    reference: `M-${now.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`,
    officeholder_id: officeholderId,
    reported_by_user_id: ctx.actor.userId,
    status: 'gemeld' as const,
    status_reason: null,
    reported_at: now,
    version: 1,
    created_at: now,
    updated_at: now,
  } as IncidentsTable;

  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertIncident(trx, ctx.config.encryptionKeys, row, input.forms);
    await repo.insertEvent(trx, {
      id: newId(),
      incident_id: id,
      organisation_id: row.organisation_id,
      at: now,
      actor_user_id: ctx.actor.userId,
      kind: 'created',
      changes: JSON.stringify({ fields: Object.keys(input) }),
    });
    await audit(ctx, trx, { action: 'incident.create', result: 'success', objectType: 'incident', objectId: id });
    // A new incident asks for re-assessment (task + notification) in the same transaction.
    await onIncidentReported({ ...ctx, db: trx }, { id, officeholderId });
  });
  return readIncident(ctx, id, { audited: false });
}

/** The repository filter for a list query; `to` is an inclusive day. */
function filterOf(ctx: RequestContext, query: Omit<IncidentListQuery, 'page' | 'pageSize'>, sharedIds: string[]) {
  return {
    organisationId: ctx.actor.organisationId,
    userId: ctx.actor.userId,
    sharedIds,
    ...(query.officeholderId ? { officeholderId: query.officeholderId } : {}),
    ...(query.from ? { from: new Date(query.from).toISOString() } : {}),
    ...(query.to ? { to: new Date(Date.parse(query.to) + 86_400_000).toISOString() } : {}),
    ...(query.form ? { forms: query.form } : {}),
    ...(query.channel ? { channels: query.channel } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.process ? { processes: query.process } : {}),
    ...(query.q ? { text: query.q } : {}),
  };
}

/** A filtered page of the incidents the actor may see: the own organisation's and those shared by grant. */
export async function listIncidents(
  ctx: RequestContext,
  query: IncidentListQuery,
): Promise<{ items: IncidentListItem[]; total: number; page: number; pageSize: number }> {
  const scope = await scopeOf(ctx);
  const sharedIds = await sharedRecordIds(ctx, 'incident');
  if (scope.kind === 'none' && sharedIds.length === 0 && !can(ctx.actor, 'shared:read')) {
    throw forbidden('no incident scope');
  }
  const officeholderIds =
    scope.kind === 'organisation' ? undefined : scope.kind === 'own' ? [scope.officeholderId ?? ''] : [];
  const { rows, total } = await repo.listIncidents(ctx.db, ctx.config.encryptionKeys, {
    ...filterOf(ctx, query, sharedIds),
    ...(officeholderIds ? { officeholderIds } : {}),
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const forms = await repo.formsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const sharers = await organisationNames(
    ctx,
    rows.filter((r) => r.organisation_id !== ctx.actor.organisationId),
  );
  await audit(ctx, ctx.db, {
    action: 'incident.list',
    result: 'success',
    objectType: 'incident',
    details: {
      count: rows.length,
      shared: sharers.size > 0 ? rows.filter((r) => sharers.has(r.organisation_id)).length : 0,
      filters: Object.keys(query).filter((k) => k !== 'page' && k !== 'pageSize'),
    },
  });
  return {
    items: rows.map((r) => toListItem(r, forms.get(r.id) ?? [], sharers.get(r.organisation_id) ?? null)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function organisationNames(ctx: RequestContext, rows: repo.IncidentListRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.organisation_id))) names.set(id, (await getOrganisation(ctx, id)).name);
  return names;
}

/** The incident and how the actor may see it; anything not visible is not found. */
export async function loadVisible(
  ctx: RequestContext,
  id: string,
): Promise<{ row: repo.IncidentListRow; access: IncidentAccess }> {
  const row = await repo.findIncidentForAccessCheck(ctx.db, ctx.config.encryptionKeys, id);
  const access = row ? await accessToIncident(ctx, row) : null;
  if (!row || !access) throw notFound('incident');
  return { row, access };
}

/** The own organisation's incident, for changes: grants never allow changing a record. */
async function loadOwnForChange(ctx: RequestContext, id: string): Promise<repo.IncidentListRow> {
  const { row, access } = await loadVisible(ctx, id);
  if (access.via !== 'organisation') throw notFound('incident');
  return row;
}

async function readIncident(ctx: RequestContext, id: string, options: { audited: boolean }): Promise<IncidentDto> {
  const { row, access } = await loadVisible(ctx, id);
  const reason = options.audited && access.isReasonRequired ? await requireAccessReason(ctx, 'incident', id) : null;
  const [forms, attachments] = await Promise.all([
    repo.formsOf(ctx.db, [id]),
    repo.listAttachments(ctx.db, row.organisation_id, id),
  ]);
  const names = await displayNames(ctx, [row.reported_by_user_id, ...attachments.map((a) => a.uploaded_by_user_id)]);
  if (options.audited) {
    await audit(ctx, ctx.db, {
      action: 'incident.read',
      result: 'success',
      objectType: 'incident',
      objectId: id,
      ...(reason ? { purpose: reason.purpose } : {}),
      recordOwnerId: row.organisation_id,
      details: { via: access.via, grantIds: access.grantIds, parts: access.parts },
    });
  }
  return toIncidentDto(row, forms.get(id) ?? [], attachments, names, {
    via: access.via,
    parts: access.parts,
    purpose: reason?.purpose ?? access.purpose,
    sharedBy: access.sharedBy,
  });
}

/** One incident with its attachments' metadata; every read is audited. */
export const getIncident = (ctx: RequestContext, id: string): Promise<IncidentDto> =>
  readIncident(ctx, id, { audited: true });

/** Changes fields of an incident, keeps a before/after timeline entry per changed field. */
export async function updateIncident(
  ctx: RequestContext,
  id: string,
  input: UpdateIncidentInput,
): Promise<IncidentDto> {
  if (!can(ctx.actor, 'incidents:manage')) throw forbidden();
  await loadOwnForChange(ctx, id);
  const current = await readIncident(ctx, id, { audited: false });
  const { version, forms, ...fields } = input;
  const merged = { ...current, ...fields };
  assertDates(ctx, merged.occurredAt, [
    { path: 'aangifteDate', value: merged.aangifteDate },
    { path: 'internalReportDate', value: merged.internalReportDate },
  ]);
  const changes = diff(current, { ...fields, ...(forms ? { forms } : {}) });
  if (Object.keys(changes).length === 0) return current;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const patch = { ...detailColumns(fields), updated_at: now } as Updateable<IncidentsTable>;
    const isApplied = await repo.updateIncidentAtVersion(
      trx,
      ctx.config.encryptionKeys,
      ctx.actor.organisationId,
      id,
      version,
      patch,
    );
    if (!isApplied) throw conflict('Someone else changed this incident; reload and try again');
    if (forms) await repo.replaceForms(trx, id, ctx.actor.organisationId, forms);
    await repo.insertEvent(trx, event(ctx, id, now, 'updated', changes));
    await audit(ctx, trx, {
      action: 'incident.update',
      result: 'success',
      objectType: 'incident',
      objectId: id,
      details: { fields: Object.keys(changes) },
    });
  });
  return readIncident(ctx, id, { audited: false });
}

// The timeline is stored in clear, so for fields encrypted at rest it records only that they changed.
const encryptedFields = new Set(['knownPerpetrators']);
const hiddenInTimeline = (value: unknown): string | null => (value === null || value === undefined ? null : '•••');

function diff(current: IncidentDto, next: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(next)) {
    const before = (current as unknown as Record<string, unknown>)[key];
    const normalised = key === 'occurredAt' && typeof value === 'string' ? new Date(value).toISOString() : value;
    if (JSON.stringify(before) === JSON.stringify(normalised)) continue;
    changes[key] = encryptedFields.has(key)
      ? [hiddenInTimeline(before), hiddenInTimeline(normalised)]
      : [before ?? null, normalised ?? null];
  }
  return changes;
}

function event(
  ctx: RequestContext,
  incidentId: string,
  at: string,
  kind: repo.IncidentEventRow['kind'],
  changes: Record<string, unknown>,
): Omit<repo.IncidentEventRow, 'position'> {
  return {
    id: newId(),
    incident_id: incidentId,
    organisation_id: ctx.actor.organisationId,
    at,
    actor_user_id: ctx.actor.userId,
    kind,
    changes: JSON.stringify(changes),
  };
}

/** Moves an incident along gemeld → in behandeling → afgehandeld; closing needs a reason. */
export async function changeStatus(ctx: RequestContext, id: string, input: StatusChangeInput): Promise<IncidentDto> {
  if (!can(ctx.actor, 'incidents:manage')) throw forbidden();
  const current = await loadOwnForChange(ctx, id);
  if (!statusTransitions[current.status].includes(input.status)) {
    throw invalid('status', `cannot move from ${current.status} to ${input.status}`);
  }
  if (input.status === 'afgehandeld' && !input.reason) throw invalid('reason', 'closing an incident needs a reason');
  const now = ctx.clock.now().toISOString();
  const reason = input.status === 'afgehandeld' ? (input.reason ?? null) : null;
  await ctx.db.transaction().execute(async (trx) => {
    const patch = { status: input.status, status_reason: reason, updated_at: now };
    if (
      !(await repo.updateIncidentAtVersion(
        trx,
        ctx.config.encryptionKeys,
        ctx.actor.organisationId,
        id,
        input.version,
        patch,
      ))
    ) {
      throw conflict('Someone else changed this incident; reload and try again');
    }
    const changes = { status: [current.status, input.status], reason, note: input.note ?? null };
    await repo.insertEvent(trx, event(ctx, id, now, 'status_changed', changes));
    await audit(ctx, trx, {
      action: 'incident.status',
      result: 'success',
      objectType: 'incident',
      objectId: id,
      details: { status: input.status },
    });
  });
  return readIncident(ctx, id, { audited: false });
}

/** The incident's timeline: creation, every change with before/after, status moves, attachments. */
export async function listIncidentEvents(ctx: RequestContext, id: string) {
  // The timeline holds before/after values of every field: only for the own organisation.
  await loadOwnForChange(ctx, id);
  const rows = await repo.listEvents(ctx.db, ctx.actor.organisationId, id);
  const names = await displayNames(
    ctx,
    rows.map((r) => r.actor_user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    kind: r.kind,
    actor: { id: r.actor_user_id, displayName: names.get(r.actor_user_id) ?? '—' },
    changes: JSON.parse(r.changes) as Record<string, unknown>,
  }));
}

/** The own organisation's incidents matching the filters, for an approved bulk export (no shared ones). */
export async function incidentsForExport(
  ctx: RequestContext,
  filters: Omit<IncidentListQuery, 'page' | 'pageSize'>,
): Promise<IncidentListItem[]> {
  const { rows } = await repo.listIncidents(ctx.db, ctx.config.encryptionKeys, {
    ...filterOf(ctx, filters, []),
    limit: 50_000,
    offset: 0,
  });
  const forms = await repo.formsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toListItem(r, forms.get(r.id) ?? []));
}
