import { forbidden, notFound } from '../../platform/errors.js';
import { can } from '../../platform/access/actor.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { RequestContext } from '../../platform/context.js';
import {
  assertTlpChangeAllowed,
  createGrant,
  giveAccessReason,
  listGrants,
  revokeGrant,
  type ShareableRecord,
} from '../sharing/sharing.service.js';
import type { GrantDto } from '../sharing/sharing.schema.js';
import type { CreateGrantInput } from '../sharing/sharing.schema.js';
import type { SharingPurpose, Tlp } from '../sharing/sharing.table.js';
import { screeningParts } from './screening.policy.js';
import { requireOwnScreening, requireScreening } from './screening-access.js';
import type { ScreeningRow } from './screening.repository.js';

// A screening goes to an organisation (the RIEC, the Landelijk Bureau Bibob) or to named people,
// for a purpose and until a date, as far as its TLP marking allows (RED: named people only).
const recordOf = (row: ScreeningRow): ShareableRecord => ({
  type: 'screening',
  id: row.id,
  organisationId: row.organisation_id,
  tlp: row.tlp,
  parts: screeningParts,
});

/** Shares a screening record whole (owner organisation only). */
export async function shareScreening(ctx: RequestContext, id: string, input: CreateGrantInput): Promise<GrantDto> {
  return createGrant(ctx, recordOf((await requireOwnScreening(ctx, id)).row), { ...input, parts: [...screeningParts] });
}

/** The grants on a screening, for its owner. */
export async function listScreeningGrants(ctx: RequestContext, id: string): Promise<GrantDto[]> {
  return listGrants(ctx, recordOf((await requireOwnScreening(ctx, id)).row));
}

/** Ends one grant on a screening at once. */
export async function revokeScreeningGrant(ctx: RequestContext, id: string, grantId: string): Promise<void> {
  const grants = await listGrants(ctx, recordOf((await requireOwnScreening(ctx, id)).row));
  if (!grants.some((g) => g.id === grantId)) throw notFound('grant');
  await revokeGrant(ctx, grantId);
}

/** Sets the TLP marking of an own screening; RED is refused while organisation-wide grants are live (audited). */
export async function setScreeningTlp(ctx: RequestContext, id: string, tlp: Tlp): Promise<void> {
  if (!can(ctx.actor, 'screenings:create')) throw forbidden();
  const record = recordOf((await requireOwnScreening(ctx, id)).row);
  await assertTlpChangeAllowed(ctx, record, tlp);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('screenings')
      .set({ tlp })
      .where('id', '=', id)
      .where('organisation_id', '=', ctx.actor.organisationId)
      .execute();
    await recordAudit(trx, ctx.dialect, ctx.clock, {
      action: 'screening.tlp',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'screening',
      objectId: id,
      details: { tlp, previous: record.tlp },
      origin: ctx.origin,
    });
  });
}

/** Records why the actor opens a screening (asked once per session for shared and TLP:RED screenings). */
export async function giveScreeningAccessReason(
  ctx: RequestContext,
  id: string,
  input: { purpose: SharingPurpose; note?: string | undefined },
): Promise<void> {
  const { row } = await requireScreening(ctx, id);
  await giveAccessReason(ctx, { type: 'screening', id, organisationId: row.organisation_id }, input);
}
