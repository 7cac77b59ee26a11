import { forbidden, notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { createGrant, listGrants, revokeGrant, type ShareableRecord } from '../sharing/sharing.service.js';
import type { GrantDto } from '../sharing/sharing.schema.js';
import { mayShare } from './support.policy.js';
import { supportParts, type ShareSupportRequestInput } from './support.schema.js';
import type { SupportRequestRow } from './support.repository.js';
import { requireRequest } from './support.service.js';

// A support request is shared like a TLP:RED record: only with named people, for the purpose of
// supporting the officeholder, on the requester's consent, until a date.
const recordOf = (row: SupportRequestRow): ShareableRecord => ({
  type: 'support_request',
  id: row.id,
  organisationId: row.organisation_id,
  tlp: 'RED',
  parts: supportParts,
});

async function requireSharer(ctx: RequestContext, id: string): Promise<SupportRequestRow> {
  const { row, access } = await requireRequest(ctx, id);
  if (!mayShare(access)) throw forbidden('only the requester shares a support request');
  return row;
}

/** The requester names people (e.g. the municipality's adviser) who may read the request. */
export async function shareSupportRequest(
  ctx: RequestContext,
  id: string,
  input: ShareSupportRequestInput,
): Promise<GrantDto> {
  const row = await requireSharer(ctx, id);
  return createGrant(ctx, recordOf(row), {
    granteeOrganisationId: input.organisationId ?? row.organisation_id,
    namedUserIds: input.userIds,
    purpose: 'ondersteuning_ambtsdrager',
    legalBasis: 'toestemming van de aanvrager (art. 6 lid 1 sub a AVG)',
    parts: input.parts,
    expiresAt: input.expiresAt,
  });
}

/** Who the request is shared with (requester only). */
export async function listSupportShares(ctx: RequestContext, id: string): Promise<GrantDto[]> {
  return listGrants(ctx, recordOf(await requireSharer(ctx, id)));
}

/** Ends a share at once. */
export async function revokeSupportShare(ctx: RequestContext, id: string, grantId: string): Promise<void> {
  const row = await requireSharer(ctx, id);
  const grants = await listGrants(ctx, recordOf(row));
  if (!grants.some((g) => g.id === grantId)) throw notFound('share');
  await revokeGrant(ctx, grantId);
}
