import { conflict, invalid, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit, type AuditInput } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { incidentFactsByIds } from '../incidents/incident-facts.service.js';
import { computePoiHistory } from './poi-history.js';
import type {
  CreatePoiInput,
  LinkIncidentInput,
  PoiDto,
  PoiHistory,
  PoiListItem,
  PoiRole,
  UpdatePoiInput,
} from './pois.schema.js';
import * as repo from './pois.repository.js';
import { latestDecisionsOf } from './poi-duplicates.repository.js';
import { readSharedPoi, sharedPoisForList } from './poi-sharing.service.js';

/** Audits a change or read of a person of interest as the actor (in the given transaction). */
export function auditPoi(
  ctx: RequestContext,
  db: AppContext['db'],
  input: Omit<AuditInput, 'actorUserId' | 'organisationId' | 'origin' | 'result'>,
): Promise<void> {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    ...input,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    origin: ctx.origin,
  });
}

function assertBirthDate(ctx: RequestContext, birthDate: string | null | undefined): void {
  if (birthDate && birthDate > ctx.clock.now().toISOString().slice(0, 10))
    throw invalid('birthDate', 'lies in the future');
}

async function toDto(ctx: RequestContext, row: repo.PoiRow): Promise<PoiDto> {
  const [links, groupIds, decided] = await Promise.all([
    repo.linksOfPoi(ctx.db, ctx.actor.organisationId, row.id),
    repo.groupIdsOfPoi(ctx.db, row.id),
    latestDecisionsOf(ctx.db, ctx.actor.organisationId, row.id),
  ]);
  return {
    id: row.id,
    displayName: row.display_name,
    names: JSON.parse(row.names) as string[],
    birthDate: row.birth_date,
    addresses: JSON.parse(row.addresses) as PoiDto['addresses'],
    onlineHandles: JSON.parse(row.online_handles) as PoiDto['onlineHandles'],
    notes: row.notes,
    incidents: links.map((l) => ({ incidentId: l.incident_id, role: l.role as PoiRole, linkedAt: l.created_at })),
    groupIds,
    sameAs: [...decided]
      .filter(([, d]) => d === 'same')
      .map(([id]) => id)
      .sort(),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tlp: row.tlp,
  };
}

/** A person of interest of the actor's organisation, or not found. */
export async function requirePoi(ctx: RequestContext, id: string): Promise<repo.PoiRow> {
  const row = await repo.findPoi(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, id);
  if (!row) throw notFound('person of interest');
  return row;
}

/** Registers a person of interest. */
export async function createPoi(ctx: RequestContext, input: CreatePoiInput): Promise<PoiDto> {
  assertBirthDate(ctx, input.birthDate);
  const now = ctx.clock.now().toISOString();
  const row: repo.PoiRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    display_name: input.displayName,
    names: JSON.stringify(input.names),
    birth_date: input.birthDate,
    addresses: JSON.stringify(input.addresses),
    online_handles: JSON.stringify(input.onlineHandles),
    notes: input.notes,
    version: 1,
    tlp: 'AMBER',
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPoi(trx, ctx.config.encryptionKeys, row);
    await auditPoi(ctx, trx, { action: 'poi.create', objectType: 'poi', objectId: row.id });
  });
  return toDto(ctx, row);
}

/** Persons of interest of the organisation, optionally searched by name. */
export async function listPois(ctx: RequestContext, q?: string): Promise<PoiListItem[]> {
  const rows = await repo.listPois(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, q);
  const shared = await sharedPoisForList(ctx, q);
  await auditPoi(ctx, ctx.db, {
    action: 'poi.list',
    objectType: 'poi',
    details: { count: rows.length, shared: shared.length },
  });
  const own = rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    birthDate: r.birth_date,
    incidentCount: r.incident_count,
    sharedBy: null,
    tlp: r.tlp,
  }));
  return [...own, ...shared];
}

/** One person of interest with links and groups; every read is audited. */
export async function getPoi(ctx: RequestContext, id: string): Promise<PoiDto> {
  const row = await repo.findPoi(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId, id);
  if (!row) return readSharedPoi(ctx, id);
  await auditPoi(ctx, ctx.db, { action: 'poi.read', objectType: 'poi', objectId: id });
  return toDto(ctx, row);
}

/** Changes a person of interest; `version` guards against lost updates. */
export async function updatePoi(ctx: RequestContext, id: string, input: UpdatePoiInput): Promise<PoiDto> {
  await requirePoi(ctx, id);
  assertBirthDate(ctx, input.birthDate);
  const { version, ...fields } = input;
  const patch = {
    ...(fields.displayName !== undefined ? { display_name: fields.displayName } : {}),
    ...(fields.names !== undefined ? { names: JSON.stringify(fields.names) } : {}),
    ...(fields.birthDate !== undefined ? { birth_date: fields.birthDate } : {}),
    ...(fields.addresses !== undefined ? { addresses: JSON.stringify(fields.addresses) } : {}),
    ...(fields.onlineHandles !== undefined ? { online_handles: JSON.stringify(fields.onlineHandles) } : {}),
    ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
    updated_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.updatePoiAtVersion(trx, ctx.config.encryptionKeys, ctx.actor.organisationId, id, version, patch))
    ) {
      throw conflict('Someone else changed this person of interest; reload and try again');
    }
    await auditPoi(ctx, trx, {
      action: 'poi.update',
      objectType: 'poi',
      objectId: id,
      details: { fields: Object.keys(fields) },
    });
  });
  return toDto(ctx, await requirePoi(ctx, id));
}

/** Links a person of interest to an incident of the same organisation with a role (re-linking changes the role). */
export async function linkIncident(ctx: RequestContext, poiId: string, input: LinkIncidentInput): Promise<PoiDto> {
  const row = await requirePoi(ctx, poiId);
  const [incident] = await incidentFactsByIds(ctx, ctx.actor.organisationId, [input.incidentId]);
  if (!incident) throw invalid('incidentId', 'no such incident in your organisation');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.upsertLink(trx, {
      incident_id: incident.id,
      poi_id: poiId,
      organisation_id: ctx.actor.organisationId,
      role: input.role,
      created_at: ctx.clock.now().toISOString(),
    });
    await auditPoi(ctx, trx, {
      action: 'poi.link_incident',
      objectType: 'poi',
      objectId: poiId,
      details: { role: input.role },
    });
  });
  return toDto(ctx, row);
}

/** Removes the link between a person of interest and an incident. */
export async function unlinkIncident(ctx: RequestContext, poiId: string, incidentId: string): Promise<PoiDto> {
  const row = await requirePoi(ctx, poiId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.deleteLink(trx, ctx.actor.organisationId, poiId, incidentId))) throw notFound('link');
    await auditPoi(ctx, trx, { action: 'poi.unlink_incident', objectType: 'poi', objectId: poiId });
  });
  return toDto(ctx, row);
}

/** Which officeholders the person targeted, how often, and how the severity developed. */
export async function poiHistory(ctx: RequestContext, poiId: string): Promise<PoiHistory> {
  await requirePoi(ctx, poiId);
  const links = await repo.linksOfPoi(ctx.db, ctx.actor.organisationId, poiId);
  const roles = new Map(links.map((l) => [l.incident_id, l.role as PoiRole]));
  const facts = await incidentFactsByIds(ctx, ctx.actor.organisationId, [...roles.keys()]);
  await auditPoi(ctx, ctx.db, { action: 'poi.history', objectType: 'poi', objectId: poiId });
  return computePoiHistory(
    poiId,
    facts.map((f) => ({ ...f, role: roles.get(f.id) ?? 'betrokkene' })),
  );
}

/** Perpetrator ids per incident (dader and vermoedelijke dader links), for threat scoring. */
export async function perpetratorIdsByIncident(
  ctx: AppContext,
  organisationId: string,
  incidentIds: readonly string[],
): Promise<Map<string, string[]>> {
  const links = await repo.linksOfIncidents(ctx.db, organisationId, incidentIds);
  const map = new Map<string, string[]>();
  for (const l of links.filter((x) => x.role === 'dader' || x.role === 'vermoedelijke_dader')) {
    map.set(l.incident_id, [...(map.get(l.incident_id) ?? []), l.poi_id]);
  }
  return map;
}
