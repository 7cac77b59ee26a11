/**
 * GET /search/{dataset} without query text. yente then runs a match_all query under its filters:
 * every entity of the scope that passes them is a hit, ordered by the asked sorts and then by id
 * (all scores are equal). Here the store is read page by page (yente-browse-store.ts) and each
 * row is checked by the same plan as the hits of a text search (yente-search.ts).
 *
 * Like Elasticsearch's default, hits are counted up to 10,000: past that `total` is 10,000 with
 * relation `gte`, and the reading stops. Facets are counted over the hits read, so when the
 * total is capped they describe the first 10,000 hits in the answer's order (the most a yente
 * client can page through: offset ≤ 9,499, limit ≤ 500).
 */
import type { RequestContext } from '../../../platform/context.js';
import type { Clusters } from '../../entities/cluster-resolver.js';
import { entityKey, splitEntityKey } from '../../entities/cluster-resolver.js';
import type { EntityRow } from '../../entities/entities.repository.js';
import { toStored } from '../../entities/entity-read.service.js';
import { clustersFor } from '../../entities/match-decisions.service.js';
import type { NamedDataset } from './yente-datasets.js';
import { toEntityResponse } from './yente-entities.js';
import { isDefaultOrder, rowsById, rowsBySort, type ContainsGroup, type StoreFilter } from './yente-browse-store.js';
import { FacetCounter, type Hit, type SearchPlan } from './yente-search.js';
import type { EntityResponse, SearchQuery, SearchResponse } from './yente.schema.js';

/** Elasticsearch counts hits exactly up to this many (`track_total_hits` default), yente reports that. */
export const COUNTED_HITS = 10_000;

/** A value SQL can look for as it is stored: printable ASCII that JSON leaves unescaped. */
const isPlain = (value: string): boolean => /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/.test(value);

/**
 * The SQL side of the filters of a field: with OR one group holding every value, with AND one
 * group per value. A value SQL cannot look for leaves its group out (the plan still checks it).
 */
function groupsOf(
  values: readonly string[],
  and: boolean,
  toGroup: (values: string[]) => ContainsGroup | null,
): ContainsGroup[] {
  const wanted = values.filter((v) => v !== '');
  if (wanted.length === 0) return [];
  const groups = and ? wanted.map((v) => toGroup([v])) : [toGroup(wanted)];
  return groups.filter((g): g is ContainsGroup => g !== null);
}

// Topics are stored as a JSON array of their own: `"crime"` occurs in it only for that topic.
const topicGroup = (topics: string[]): ContainsGroup => ({
  column: 'topics',
  fragments: topics.map((t) => JSON.stringify(t)),
});

const valueGroup = (values: string[]): ContainsGroup | null =>
  values.every(isPlain) ? { column: 'properties', values } : null;

function storeFilter(query: SearchQuery, plan: SearchPlan, flaggedTopics: readonly string[]): StoreFilter {
  const and = query.filter_op === 'AND';
  const contains: ContainsGroup[] = [
    ...groupsOf(query.topics, and, topicGroup),
    ...groupsOf(plan.parts.countries, and, valueGroup),
    ...plan.parts.propertyFilters.flatMap((f) => groupsOf(f.values, and, valueGroup)),
  ];
  if (query.target === true) {
    // A flagged topic or one of its sub-topics (`crime` covers `crime.fin`).
    const fragments = flaggedTopics.flatMap((t) => [JSON.stringify(t), `${JSON.stringify(t).slice(0, -1)}.`]);
    contains.push({ column: 'topics', fragments });
  }
  return {
    schemata: plan.parts.schemata,
    changedAfter: plan.parts.changedAfter,
    excludedIds: query.exclude_entity_ids,
    contains,
  };
}

/** The datasets whose entities can pass the `datasets` filter (an entity is in one dataset here). */
function datasetsToRead(scope: readonly NamedDataset[], query: SearchQuery): NamedDataset[] {
  if (query.datasets.length === 0) return [...scope];
  return scope.filter((d) =>
    query.filter_op === 'AND' ? query.datasets.every((n) => n === d.name) : query.datasets.includes(d.name),
  );
}

/**
 * The hit a row stands for, or null when it is a member of a "same" cluster answered by
 * another member: a cluster is one answer, its smallest member among the datasets read (as
 * GET /entities takes the smallest visible one), listing the others there as referents.
 */
function hitMaker(ctx: RequestContext, datasets: readonly NamedDataset[], clusters: Clusters) {
  const byId = new Map(datasets.map((d) => [d.access.dataset.id, d]));
  return (row: EntityRow): Hit | null => {
    const dataset = byId.get(row.dataset_id);
    if (!dataset) return null;
    const key = entityKey(row.dataset_id, row.id);
    const members = clusters.membersOf(key).filter((k) => byId.has(splitEntityKey(k).datasetId));
    if (members.length > 1 && members[0] !== key) return null;
    const referentIds = [...new Set(members.slice(1).map((k) => splitEntityKey(k).entityId))].filter(
      (id) => id !== row.id,
    );
    const entity = toStored(row);
    return {
      entity,
      response: toEntityResponse(entity, dataset.name, referentIds, ctx.config),
      score: 1,
      referentIds,
    };
  };
}

export type BrowseAnswer = Pick<SearchResponse, 'results' | 'total' | 'facets'>;

/**
 * Every entity of the scope that passes the filters: the asked page, the total (capped at
 * COUNTED_HITS) and the facets over the hits read. `visible` names every dataset for facet labels.
 */
export async function browseEntities(
  ctx: RequestContext,
  scope: readonly NamedDataset[],
  visible: readonly NamedDataset[],
  query: SearchQuery,
  plan: SearchPlan,
): Promise<BrowseAnswer> {
  const counter = new FacetCounter(query.facets);
  const results: EntityResponse[] = [];
  const datasets = datasetsToRead(scope, query);
  const filter = storeFilter(query, plan, ctx.config.flaggedTopics);
  const readsNothing =
    datasets.length === 0 ||
    filter.schemata.length === 0 ||
    filter.contains.some((g) => (g.column === 'topics' ? g.fragments : g.values).length === 0);
  let total = 0;
  let more = false;
  if (!readsNothing) {
    const hitOf = hitMaker(ctx, datasets, await clustersFor(ctx));
    const ids = datasets.map((d) => d.access.dataset.id);
    const rows = isDefaultOrder(plan.parts.sorts)
      ? rowsById(ctx.db, ctx.dialect, ids, filter)
      : rowsBySort(ctx.db, ctx.dialect, ids, filter, plan.parts.sorts);
    const end = query.offset + query.limit;
    for await (const row of rows) {
      const hit = hitOf(row);
      if (!hit || !plan.keep(hit)) continue;
      if (total === COUNTED_HITS) {
        more = true;
        break;
      }
      if (total >= query.offset && total < end) results.push(hit.response);
      counter.add(hit);
      total += 1;
    }
  }
  return { results, total: { value: total, relation: more ? 'gte' : 'eq' }, facets: counter.result(visible) };
}
