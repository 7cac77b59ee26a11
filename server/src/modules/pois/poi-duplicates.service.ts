import { invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/context.js';
import { displayNames } from '../users/users.service.js';
import { buildIndex } from '../screening/engine/candidate-index.js';
import { queryIndex } from '../screening/engine/candidate-query.js';
import type { EntityRecord, MatchCandidate } from '../screening/engine/types.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { auditPoi } from './pois.service.js';
import { maskedRow, requireVisiblePoi, sharedPois, type VisiblePoi } from './poi-sharing.service.js';
import type { DuplicateDecisionDto, DuplicateDecisionInput, PossibleDuplicateDto } from './poi-duplicates.schema.js';
import type { DuplicateDecision } from './pois.table.js';
import type { PoiDto } from './pois.schema.js';
import * as repo from './pois.repository.js';
import * as decisions from './poi-duplicates.repository.js';

const otherOf = decisions.otherPoiOf;

/** The matcher's view of a person of interest: all names, the birth date and the addresses. */
export function toMatcherRecord(row: repo.PoiRow): EntityRecord {
  const addresses = JSON.parse(row.addresses) as PoiDto['addresses'];
  return {
    id: row.id,
    schema: 'Person',
    names: [row.display_name, ...(JSON.parse(row.names) as string[])],
    birthDates: row.birth_date ? [row.birth_date] : [],
    addresses: addresses.map((a) => `${a.street} ${a.houseNumber}, ${a.postcode} ${a.city}`),
  };
}

/** The latest decision per other POI. */
export async function latestDecisions(ctx: RequestContext, poiId: string): Promise<Map<string, DuplicateDecision>> {
  return decisions.latestDecisionsOf(ctx.db, ctx.actor.organisationId, poiId);
}

/** The own organisation's POIs and those other organisations share with it right now. */
async function visiblePois(ctx: RequestContext): Promise<VisiblePoi[]> {
  const own = await repo.listPoisForMatching(ctx.db, ctx.config.encryptionKeys, ctx.actor.organisationId);
  const organisation = {
    id: ctx.actor.organisationId,
    name: (await getOrganisation(ctx, ctx.actor.organisationId)).name,
  };
  const ownPois = own.map((row) => ({ row, parts: null, organisation, purpose: null, grantIds: [] }));
  return [...ownPois, ...(await sharedPois(ctx))];
}

/**
 * Persons of interest of the organisation, and those other organisations share with it, that may
 * be the same person, ranked by the screening engine's person matcher with its explanation; a
 * shared person is matched only on the parts its grants share. Pairs decided 'different' are left
 * out; nothing is ever merged.
 */
export async function possibleDuplicates(
  ctx: RequestContext,
  poiId: string,
  options: { minScore: number; limit: number },
): Promise<PossibleDuplicateDto[]> {
  const self = await requireVisiblePoi(ctx, poiId);
  const pois = await visiblePois(ctx);
  const byId = new Map(pois.map((p) => [p.row.id, p]));
  const index = buildIndex(pois.filter((p) => p.row.id !== poiId).map((p) => toMatcherRecord(maskedRow(p).row)));
  const { names, birthDates, addresses } = toMatcherRecord(maskedRow(self).row);
  const decided = await latestDecisions(ctx, poiId);
  // Ask for more than the limit, since pairs decided 'different' are dropped afterwards.
  const candidates = queryIndex(
    index,
    { schema: 'Person', names, birthDates: birthDates ?? [], addresses: addresses ?? [] },
    { limit: options.limit + decided.size, threshold: options.minScore },
  );
  await auditPoi(ctx, ctx.db, {
    action: 'poi.possible_duplicates',
    objectType: 'poi',
    objectId: poiId,
    details: { count: candidates.length },
    ...(self.parts ? { recordOwnerId: self.row.organisation_id } : {}),
  });
  return candidates
    .filter((c) => decided.get(c.id) !== 'different')
    .slice(0, options.limit)
    .flatMap((c) => {
      const poi = byId.get(c.id);
      return poi ? [toSuggestion(c, poi, decided.get(c.id))] : [];
    });
}

function toSuggestion(
  c: MatchCandidate,
  { row, organisation }: VisiblePoi,
  decision: DuplicateDecision | undefined,
): PossibleDuplicateDto {
  return {
    poiId: c.id,
    organisation,
    displayName: row.display_name,
    birthDate: row.birth_date,
    matchedName: c.name,
    score: Math.round(c.score * 1000) / 1000,
    explanation: c.items,
    decision: decision === 'same' || decision === 'unsure' ? decision : null,
  };
}

/** Keeps a person's decision on a possible duplicate; 'same' links the two, both records stay. */
export async function decideDuplicate(
  ctx: RequestContext,
  poiId: string,
  input: DuplicateDecisionInput,
): Promise<DuplicateDecisionDto> {
  await requireVisiblePoi(ctx, poiId);
  if (input.otherPoiId === poiId) throw invalid('otherPoiId', 'must be another person of interest');
  await requireVisiblePoi(ctx, input.otherPoiId).catch(() => {
    throw invalid('otherPoiId', 'no such person of interest in your organisation or shared with it');
  });
  const [left, right] = [poiId, input.otherPoiId].sort() as [string, string];
  const row: decisions.DuplicateDecisionRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    left_poi_id: left,
    right_poi_id: right,
    decision: input.decision,
    note: input.note ?? null,
    decided_by_user_id: ctx.actor.userId,
    decided_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await decisions.insertDecision(trx, row);
    await auditPoi(ctx, trx, {
      action: 'poi.duplicate_decision',
      objectType: 'poi',
      objectId: poiId,
      details: { otherPoiId: input.otherPoiId, decision: input.decision },
    });
  });
  const names = await displayNames(ctx, [row.decided_by_user_id]);
  return toDecisionDto(row, poiId, names);
}

function toDecisionDto(
  row: decisions.DuplicateDecisionRow,
  poiId: string,
  names: Map<string, string>,
): DuplicateDecisionDto {
  return {
    id: row.id,
    poiId,
    otherPoiId: otherOf(row, poiId),
    decision: row.decision,
    note: row.note,
    decidedBy: names.get(row.decided_by_user_id) ?? '—',
    decidedAt: row.decided_at,
  };
}

/** The history of duplicate decisions about a person of interest, oldest first. */
export async function listDuplicateDecisions(ctx: RequestContext, poiId: string): Promise<DuplicateDecisionDto[]> {
  await requireVisiblePoi(ctx, poiId);
  const rows = await decisions.decisionsOfPoi(ctx.db, ctx.actor.organisationId, poiId);
  const names = await displayNames(
    ctx,
    rows.map((r) => r.decided_by_user_id),
  );
  await auditPoi(ctx, ctx.db, { action: 'poi.duplicate_decisions', objectType: 'poi', objectId: poiId });
  return rows.map((r) => toDecisionDto(r, poiId, names));
}
