import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { createGrant, listGrants, revokeGrant, type ShareableRecord } from '../sharing/sharing.service.js';
import type { GrantDto } from '../sharing/sharing.schema.js';
import type { CreateGrantInput } from '../sharing/sharing.schema.js';
import { screeningParts } from './screening.policy.js';
import { requireOwnScreening } from './screening-access.js';
import type { ScreeningRow } from './screening.repository.js';

// Screenings carry no marking of their own; AMBER lets them go to an organisation (the RIEC,
// the Landelijk Bureau Bibob) or to named people, for a purpose and until a date.
const recordOf = (row: ScreeningRow): ShareableRecord => ({
  type: 'screening',
  id: row.id,
  organisationId: row.organisation_id,
  tlp: 'AMBER',
  parts: screeningParts,
});

/** Shares a screening record whole (owner organisation only). */
export async function shareScreening(ctx: RequestContext, id: string, input: CreateGrantInput): Promise<GrantDto> {
  return createGrant(ctx, recordOf(await requireOwnScreening(ctx, id)), { ...input, parts: [...screeningParts] });
}

/** The grants on a screening, for its owner. */
export async function listScreeningGrants(ctx: RequestContext, id: string): Promise<GrantDto[]> {
  return listGrants(ctx, recordOf(await requireOwnScreening(ctx, id)));
}

/** Ends one grant on a screening at once. */
export async function revokeScreeningGrant(ctx: RequestContext, id: string, grantId: string): Promise<void> {
  const grants = await listGrants(ctx, recordOf(await requireOwnScreening(ctx, id)));
  if (!grants.some((g) => g.id === grantId)) throw notFound('grant');
  await revokeGrant(ctx, grantId);
}
