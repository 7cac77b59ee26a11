import { forbidden } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import type { CreateGrantInput, GrantDto } from '../sharing/sharing.schema.js';
import type { SharingPurpose, Tlp } from '../sharing/sharing.table.js';
import {
  assertTlpChangeAllowed,
  createGrant,
  giveAccessReason,
  listGrants,
  type ShareableRecord,
} from '../sharing/sharing.service.js';
import { incidentParts } from './incident-parts.js';
import { loadVisible } from './incidents.service.js';
import * as repo from './incidents.repository.js';

/** The incident as a shareable record, for the own organisation only (grants cannot be passed on). */
async function ownRecord(ctx: RequestContext, incidentId: string): Promise<ShareableRecord> {
  const { row, access } = await loadVisible(ctx, incidentId);
  if (access.via !== 'organisation') throw forbidden('only the owner organisation shares');
  return { type: 'incident', id: row.id, organisationId: row.organisation_id, tlp: row.tlp, parts: incidentParts };
}

/** Shares parts of an incident with another organisation or named people. */
export async function shareIncident(
  ctx: RequestContext,
  incidentId: string,
  input: CreateGrantInput,
): Promise<GrantDto> {
  return createGrant(ctx, await ownRecord(ctx, incidentId), input);
}

/** The grants on an incident, for its own organisation. */
export async function listIncidentGrants(ctx: RequestContext, incidentId: string): Promise<GrantDto[]> {
  return listGrants(ctx, await ownRecord(ctx, incidentId));
}

/** Sets the TLP marking; RED is refused while organisation-wide grants are live. */
export async function setIncidentTlp(ctx: RequestContext, incidentId: string, tlp: Tlp): Promise<void> {
  if (!can(ctx.actor, 'incidents:manage')) throw forbidden();
  const record = await ownRecord(ctx, incidentId);
  await assertTlpChangeAllowed(ctx, record, tlp);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('incidents')
      .set({ tlp, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', incidentId)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .execute();
    await repo.insertEvent(trx, {
      id: newId(),
      incident_id: incidentId,
      organisation_id: ctx.actor.organisationId,
      at: ctx.clock.now().toISOString(),
      actor_user_id: ctx.actor.userId,
      kind: 'updated',
      changes: JSON.stringify({ tlp: [record.tlp, tlp] }),
    });
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'incident.tlp',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'incident',
      objectId: incidentId,
      details: { tlp },
      origin: ctx.origin,
    });
  });
}

/** Records why the actor opens an incident (asked once per session for shared and TLP:RED records). */
export async function giveIncidentAccessReason(
  ctx: RequestContext,
  incidentId: string,
  input: { purpose: SharingPurpose; note?: string | undefined },
): Promise<void> {
  const { row } = await loadVisible(ctx, incidentId);
  await giveAccessReason(ctx, { type: 'incident', id: incidentId, organisationId: row.organisation_id }, input);
}
