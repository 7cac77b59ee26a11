/**
 * The yente-compatible API on Weerbaar's engines: the same matcher as screenings, over the
 * datasets the API token's user may see, with every call audited.
 */
import { AppError } from '../../../platform/errors.js';
import type { RequestContext } from '../../../platform/context.js';
import { entityKey, splitEntityKey } from '../../entities/cluster-resolver.js';
import { entitiesByIds, type StoredEntity } from '../../entities/entity-read.service.js';
import { clustersFor } from '../../entities/match-decisions.service.js';
import type { QueryExample } from '../engine/types.js';
import { matchAcross, type MergedCandidate } from '../match-across.js';
import { candidateEntities } from '../candidate-entities.js';
import { isProblem, validateExample, type ValidExample } from '../subject-validation.js';
import { matchableSchema } from '../engine-records.js';
import { namedDatasets, scopeOf, type NamedDataset } from './yente-datasets.js';
import { featureDocs, toEntityResponse, toScoredEntity } from './yente-entities.js';
import { recordRequestAudit } from './yente-audit.js';
import { nestedEntity } from './yente-nested.js';
import { facetsOf, planSearch, type Hit } from './yente-search.js';
import { browseEntities } from './yente-browse.js';
import {
  ALGORITHM,
  ALGORITHM_ALIASES,
  YENTE_LIMITS,
  type EntityResponse,
  type MatchBody,
  type MatchQuery,
  type MatchResponse,
  type NestedEntityResponse,
  type ScoredEntity,
  type SearchQuery,
  type SearchResponse,
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
  // As yente: null queries are skipped, and a batch with nothing else is refused.
  if (Object.values(body.queries).every((q) => q === null)) {
    throw new AppError('validation_failed', 'No queries provided.');
  }
}

type Example = NonNullable<MatchBody['queries'][string]>;

function parseExample(key: string, raw: Example): ValidExample {
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
    for (const e of await candidateEntities(ctx, datasetId, [...ids])) entities.set(`${datasetId}/${e.id}`, e);
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
  const parsed = Object.entries(body.queries)
    .filter((entry): entry is [string, Example] => entry[1] !== null)
    .map(([key, raw]) => ({ key, raw, valid: parseExample(key, raw) }));
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

/** Candidates the matcher is asked for per search: the hits that filters and facets see. */
const SEARCH_POOL = 250;
/** Score from which a matcher candidate is a search hit. */
const SEARCH_CUTOFF = 0.5;

/**
 * GET /search/{dataset}: the matcher finds the candidates for `q`; yente's filters, facets and
 * sort work on those hits (see yente-search.ts). Without `q` every entity of the scope that
 * passes the filters is a hit, read from the store page by page (see yente-browse.ts).
 */
export async function searchEntities(
  ctx: RequestContext,
  dataset: string,
  query: SearchQuery,
): Promise<SearchResponse> {
  const all = await namedDatasets(ctx);
  const scope = scopeOf(all, dataset, query.include_dataset, query.exclude_dataset);
  const plan = planSearch(query);
  if (query.q.trim() === '') {
    const answer = await browseEntities(ctx, scope, all, query, plan);
    await audit(ctx, 'screening.api_search', { dataset, results: answer.total.value, browse: true });
    return { ...answer, limit: query.limit, offset: query.offset };
  }
  const schema = matchableSchema(query.schema);
  const example: QueryExample = { ...(schema ? { schema } : {}), names: [query.q] };
  const pool = Math.max(query.offset + query.limit, SEARCH_POOL);
  const found = await matchAcross(
    ctx,
    scope.map((d) => d.access),
    example,
    { limit: pool, threshold: SEARCH_CUTOFF },
  );
  const more = found.length >= pool;
  const hits = withEntities(scope, found, await entitiesOf(ctx, found))
    .map((f): Hit => ({
      entity: f.entity,
      response: entityOf(ctx, f),
      score: f.candidate.score,
      referentIds: f.candidate.referents.map((r) => r.entityId),
    }))
    .filter(plan.keep)
    .sort(plan.compare);
  await audit(ctx, 'screening.api_search', { dataset, results: hits.length });
  return {
    results: hits.slice(query.offset, query.offset + query.limit).map((h) => h.response),
    // The matcher's pool was full: there may be more hits than it returned.
    total: { value: hits.length, relation: more ? 'gte' : 'eq' },
    limit: query.limit,
    offset: query.offset,
    facets: facetsOf(hits, query.facets, all),
  };
}

/** An entity answer, or the canonical id of the "same" cluster the asked id belongs to. */
export type EntityAnswer = { entity: NestedEntityResponse } | { redirect: string };

/**
 * GET /entities/{id}: one entity from the visible datasets (the first that has it). An id
 * merged into a cluster by "same" decisions answers with the cluster's canonical id (the
 * smallest visible member), which the route turns into yente's 308; the canonical entity lists
 * the other members as referents. With `nested` its neighbourhood is nested (yente-nested.ts).
 */
export async function fetchEntity(ctx: RequestContext, entityId: string, nested: boolean): Promise<EntityAnswer> {
  const visible = await namedDatasets(ctx);
  const byId = new Map(visible.map((d) => [d.access.dataset.id, d]));
  const clusters = await clustersFor(ctx);
  for (const dataset of visible) {
    const [found] = await entitiesByIds(ctx, dataset.access.dataset.id, [entityId]);
    if (!found) continue;
    const members = clusters
      .membersOf(entityKey(dataset.access.dataset.id, entityId))
      .map(splitEntityKey)
      .filter((m) => byId.has(m.datasetId));
    const canonical = members[0] ?? { datasetId: dataset.access.dataset.id, entityId };
    if (canonical.entityId !== entityId) {
      await audit(ctx, 'screening.api_entity', {
        dataset: dataset.name,
        entity: entityId,
        redirect: canonical.entityId,
      });
      return { redirect: canonical.entityId };
    }
    const home = byId.get(canonical.datasetId) ?? dataset;
    const [root] = home === dataset ? [found] : await entitiesByIds(ctx, home.access.dataset.id, [entityId]);
    if (!root) continue;
    const referents = [...new Set(members.map((m) => m.entityId).filter((id) => id !== entityId))];
    const answer = nested
      ? await nestedEntity(ctx, { id: home.access.dataset.id, name: home.name }, root, referents)
      : { entity: toEntityResponse(root, home.name, referents, ctx.config), read: 1 };
    await audit(ctx, 'screening.api_entity', { dataset: home.name, entity: entityId, nested, read: answer.read });
    return { entity: answer.entity };
  }
  throw new AppError('not_found', 'No such entity!');
}
