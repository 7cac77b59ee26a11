/**
 * The yente-compatible API on Weerbaar's engines: the same matcher as screenings, over the
 * datasets the API token's user may see, with every call audited.
 */
import { AppError } from '../../../platform/errors.js';
import type { RequestContext } from '../../../platform/context.js';
import { entitiesByIds, type StoredEntity } from '../../entities/entity-read.service.js';
import type { QueryExample } from '../engine/types.js';
import { matchAcross, type MergedCandidate } from '../match-across.js';
import { isProblem, validateExample, type ValidExample } from '../subject-validation.js';
import { matchableSchema } from '../engine-records.js';
import { namedDatasets, scopeOf, type NamedDataset } from './yente-datasets.js';
import { featureDocs, toEntityResponse, toScoredEntity } from './yente-entities.js';
import { recordRequestAudit } from './yente-audit.js';
import {
  ALGORITHM,
  ALGORITHM_ALIASES,
  YENTE_LIMITS,
  type EntityResponse,
  type MatchBody,
  type MatchQuery,
  type MatchResponse,
  type ScoredEntity,
  type SearchQuery,
} from './yente.schema.js';

const MATCHER = { name: ALGORITHM, description: 'Weerbaar Dutch-aware matcher', features: featureDocs() };

type Found = { candidate: MergedCandidate; entity: StoredEntity; dataset: NamedDataset };

/** Every call is audited before it answers (group-committed with concurrent calls, see yente-audit.ts). */
function audit(ctx: RequestContext, action: string, details: Record<string, unknown>) {
  return recordRequestAudit(ctx, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    details,
    origin: ctx.origin,
  });
}

function checkRequest(body: MatchBody, query: MatchQuery): void {
  if (query.algorithm !== ALGORITHM && !ALGORITHM_ALIASES.includes(query.algorithm)) {
    throw new AppError('validation_failed', `Invalid algorithm: ${query.algorithm}`);
  }
  const count = Object.keys(body.queries).length;
  if (count > YENTE_LIMITS.maxBatch) {
    throw new AppError('validation_failed', `Too many queries in one batch (limit: ${YENTE_LIMITS.maxBatch})`);
  }
  if (count === 0) throw new AppError('validation_failed', 'No queries provided.');
}

function parseExample(key: string, raw: MatchBody['queries'][string]): ValidExample {
  const checked = validateExample(raw, `queries.${key}`);
  if (!isProblem(checked)) return checked;
  const issues = [{ path: `body.${checked.path}`, message: checked.message }];
  if (checked.status === 422) throw new AppError('unprocessable', checked.message, { issues });
  throw new AppError('validation_failed', `Cannot parse example entity: ${checked.path}: ${checked.message}`, {
    issues,
  });
}

/** The stored entities of candidates (of one query or a whole batch), one read per dataset. */
async function entitiesOf(ctx: RequestContext, candidates: readonly MergedCandidate[]) {
  const wanted = new Map<string, Set<string>>();
  for (const c of candidates) {
    const ids = wanted.get(c.datasetId) ?? new Set<string>();
    ids.add(c.id);
    wanted.set(c.datasetId, ids);
  }
  const entities = new Map<string, StoredEntity>();
  for (const [datasetId, ids] of wanted) {
    for (const e of await entitiesByIds(ctx, datasetId, [...ids])) entities.set(`${datasetId}/${e.id}`, e);
  }
  return entities;
}

/** Candidates with their stored entities, in the candidates' order; only datasets in scope. */
function withEntities(scope: readonly NamedDataset[], found: MergedCandidate[], entities: Map<string, StoredEntity>) {
  const byDataset = new Map(scope.map((d) => [d.access.dataset.id, d]));
  return found.flatMap((candidate): Found[] => {
    const entity = entities.get(`${candidate.datasetId}/${candidate.id}`);
    const dataset = byDataset.get(candidate.datasetId);
    return entity && dataset ? [{ candidate, entity, dataset }] : [];
  });
}

function keeps(query: MatchQuery): (f: Found) => boolean {
  return ({ candidate, entity }) =>
    !query.exclude_schema.includes(entity.schema) &&
    !query.exclude_entity_ids.includes(entity.id) &&
    !candidate.referents.some((r) => query.exclude_entity_ids.includes(r.entityId)) &&
    (query.topics.length === 0 || entity.topics.some((t) => query.topics.includes(t))) &&
    (!query.changed_since || entity.lastSeen >= query.changed_since);
}

function entityOf(ctx: RequestContext, f: Found): EntityResponse {
  return toEntityResponse(
    f.entity,
    f.dataset.name,
    f.candidate.referents.map((r) => r.entityId),
    ctx.config,
  );
}

function candidatesOf(ctx: RequestContext, scope: NamedDataset[], example: QueryExample, query: MatchQuery) {
  const cutoff = Math.min(query.cutoff, query.threshold);
  // Filters apply after scoring, so ask for more than the page.
  return matchAcross(
    ctx,
    scope.map((d) => d.access),
    example,
    { limit: query.limit * 3, threshold: cutoff },
  );
}

function pageOf(ctx: RequestContext, found: Found[], query: MatchQuery) {
  const kept = found.filter(keeps(query));
  const results: ScoredEntity[] = kept
    .slice(0, query.limit)
    .map((f) => toScoredEntity(entityOf(ctx, f), f.candidate.score, f.candidate.items, query.threshold));
  return { results, total: kept.length };
}

/** POST /match/{dataset}: query by example, a batch of queries at a time. */
export async function matchEntities(
  ctx: RequestContext,
  dataset: string,
  body: MatchBody,
  query: MatchQuery,
): Promise<MatchResponse> {
  const scope = scopeOf(await namedDatasets(ctx), dataset, query.include_dataset, query.exclude_dataset);
  checkRequest(body, query);
  const parsed = Object.entries(body.queries).map(([key, raw]) => ({ key, raw, valid: parseExample(key, raw) }));
  const matched: ((typeof parsed)[number] & { found: MergedCandidate[] })[] = [];
  for (const p of parsed) matched.push({ ...p, found: await candidatesOf(ctx, scope, p.valid.example, query) });
  // The whole batch's entities in one read per dataset, not one per query.
  const entities = await entitiesOf(
    ctx,
    matched.flatMap((m) => m.found),
  );
  const responses: MatchResponse['responses'] = {};
  for (const { key, raw, valid, found } of matched) {
    const { results, total } = pageOf(ctx, withEntities(scope, found, entities), query);
    responses[key] = {
      status: 200,
      results,
      total: { value: total, relation: 'eq' },
      query: { id: raw.id ?? null, schema: valid.schema, properties: valid.properties },
    };
  }
  await audit(ctx, 'screening.api_match', { dataset, queries: parsed.length });
  return {
    responses,
    matcher: MATCHER,
    limit: query.limit,
  };
}

/** GET /search/{dataset}: a simple name search with the same matcher. */
export async function searchEntities(ctx: RequestContext, dataset: string, query: SearchQuery) {
  const scope = scopeOf(await namedDatasets(ctx), dataset, query.datasets);
  const page = { limit: query.limit, offset: query.offset, facets: {} };
  if (query.q.trim() === '') return { results: [], total: { value: 0, relation: 'eq' }, ...page };
  const schema = matchableSchema(query.schema);
  const example: QueryExample = { ...(schema ? { schema } : {}), names: [query.q] };
  const found = await matchAcross(
    ctx,
    scope.map((d) => d.access),
    example,
    { limit: query.offset + query.limit, threshold: 0.5 },
  );
  const kept = withEntities(scope, found, await entitiesOf(ctx, found)).filter(
    (f) => query.topics.length === 0 || f.entity.topics.some((t) => query.topics.includes(t)),
  );
  await audit(ctx, 'screening.api_search', { dataset, results: kept.length });
  const results = kept.slice(query.offset, query.offset + query.limit).map((f) => entityOf(ctx, f));
  return { results, total: { value: kept.length, relation: 'eq' }, ...page };
}

/** GET /entities/{id}: one entity from the visible datasets (the first that has it). */
export async function fetchEntity(ctx: RequestContext, entityId: string): Promise<EntityResponse> {
  for (const dataset of await namedDatasets(ctx)) {
    const [entity] = await entitiesByIds(ctx, dataset.access.dataset.id, [entityId]);
    if (!entity) continue;
    await audit(ctx, 'screening.api_entity', { dataset: dataset.name, entity: entityId });
    return toEntityResponse(entity, dataset.name, [], ctx.config);
  }
  throw new AppError('not_found', 'No such entity!');
}
