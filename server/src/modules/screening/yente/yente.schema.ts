/**
 * Request and response shapes of the yente-compatible API (OpenSanctions' yente: /match,
 * /search, /entities, /catalog, /healthz), so a yente client works against Weerbaar unchanged.
 */
import { z } from 'zod';

/** yente's limits: batches of at most 100 queries, at most 500 results per query. */
export const YENTE_LIMITS = { maxBatch: 100, matchPage: 5, maxMatches: 500, maxPage: 500, threshold: 0.7, cutoff: 0.5 };

/** The one algorithm Weerbaar offers; yente's names are accepted as aliases of it. */
export const ALGORITHM = 'weerbaar-nl';
export const ALGORITHM_ALIASES = ['best', 'logic-v1', 'logic-v2', 'regression-v1', 'name-based', 'name-qualified'];

// A query parameter given once arrives as a string, repeated as an array.
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const datasetParams = z.strictObject({ dataset: z.string().min(1).max(200) });
export const entityParams = z.strictObject({ entityId: z.string().min(1).max(1024) });

export const matchQuery = z.object({
  limit: z.coerce.number().int().min(1).max(YENTE_LIMITS.maxMatches).default(YENTE_LIMITS.matchPage),
  threshold: z.coerce.number().min(0).max(1).default(YENTE_LIMITS.threshold),
  cutoff: z.coerce.number().min(0).max(1).default(YENTE_LIMITS.cutoff),
  algorithm: z.string().default(ALGORITHM),
  include_dataset: list,
  exclude_dataset: list,
  exclude_schema: list,
  topics: list,
  changed_since: z.string().max(40).optional(),
  exclude_entity_ids: list,
});
export type MatchQuery = z.infer<typeof matchQuery>;

export const entityExample = z
  .object({
    id: z.string().optional(),
    schema: z.string(),
    properties: z.record(z.string(), z.unknown()).default({}),
  })
  .loose();

export const matchBody = z
  .object({
    // yente skips a query given as null (a client may blank one out of a batch).
    queries: z.record(z.string(), entityExample.nullable()),
    weights: z.record(z.string(), z.number()).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .loose()
  .meta({ id: 'YenteMatchQuery' });
export type MatchBody = z.infer<typeof matchBody>;

/** yente's booleans in a query string (FastAPI: true/false, 1/0, yes/no, on/off, t/f, y/n; any case). */
const flag = z.stringbool({
  truthy: ['true', '1', 'yes', 'on', 't', 'y'],
  falsy: ['false', '0', 'no', 'off', 'f', 'n'],
});

/** yente's `changed_since`: a date, optionally with a time. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The facets yente offers; countries, topics and datasets when none are asked for. */
export const SEARCH_FACETS = ['datasets', 'schema', 'countries', 'identifiers', 'topics', 'genders'] as const;
export type SearchFacetName = (typeof SEARCH_FACETS)[number];
const DEFAULT_FACETS: SearchFacetName[] = ['countries', 'topics', 'datasets'];
const facetName = z.enum(SEARCH_FACETS);

/** Most entities nested under one property of GET /entities/{id}. */
export const NESTED_PER_PROPERTY = 50;

export const searchQuery = z.object({
  q: z.string().max(1000).default('').describe('Query text: names (and other text) of the entities to find'),
  schema: z
    .string()
    .default('Thing')
    .describe('FtM schema the results must have (its descendants count too); unknown schema: 400'),
  countries: list.describe('Only entities with one of these country codes in a country-typed property'),
  topics: list.describe('Only entities with one of these topics (e.g. sanction, crime.fin)'),
  datasets: list.describe('Only entities from these datasets'),
  include_dataset: list.describe('Search only these datasets (of the scope)'),
  exclude_dataset: list.describe('Leave these datasets out of the scope'),
  exclude_schema: list.describe('Leave entities of these schemata out'),
  exclude_entity_ids: list.describe('Leave these entities (or clusters holding them) out'),
  changed_since: z
    .string()
    .regex(TIMESTAMP, 'expected a date, e.g. 2026-01-31 or 2026-01-31T12:00:00')
    .optional()
    .describe('Only entities changed (last seen) since this date'),
  filter: list.describe('Property filters `prop:value` (e.g. `gender:male`), repeatable; case-insensitive exact value'),
  filter_op: z
    .enum(['OR', 'AND'])
    .default('OR')
    .describe('How several values of countries, topics, datasets or one filter property combine'),
  facets: z
    .union([facetName, z.array(facetName)])
    .optional()
    .transform((v): SearchFacetName[] => (v === undefined ? DEFAULT_FACETS : Array.isArray(v) ? v : [v]))
    .describe('Facet counts over all hits (default: countries, topics, datasets)'),
  fuzzy: flag
    .default(false)
    .describe(
      "false (default): every query word must occur as a whole word in the entity; true: the matcher's spelling-tolerant name matching",
    ),
  simple: flag.default(false).describe('Accepted for yente clients; the query text has no special syntax here'),
  target: flag.optional().describe('Only entities that are (true) or are not (false) flagged by a configured topic'),
  sort: list.describe('`field:asc|desc` on caption, id, schema, first_seen, last_seen, last_change or _score'),
  limit: z.coerce.number().int().min(0).max(YENTE_LIMITS.maxPage).default(10),
  offset: z.coerce.number().int().min(0).max(9_499).default(0),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const entityQuery = z.object({
  nested: flag
    .default(true)
    .describe(
      `true (default): nest adjacent entities (addresses, directorships with their other end, family, …), at most ${NESTED_PER_PROPERTY} per property; false: the flat entity`,
    ),
});

const totalSpec = z.object({ value: z.number().int(), relation: z.string() });

const entityFields = {
  id: z.string(),
  caption: z.string(),
  schema: z.string(),
  properties: z.record(z.string(), z.array(z.string())),
  datasets: z.array(z.string()),
  referents: z.array(z.string()),
  target: z.boolean(),
  first_seen: z.string().nullable(),
  last_seen: z.string().nullable(),
  last_change: z.string().nullable(),
};

export const entityResponse = z.object(entityFields).meta({ id: 'YenteEntity' });
export type EntityResponse = z.infer<typeof entityResponse>;

/** An entity with its adjacent entities nested in place of their ids (GET /entities/{id}). */
export type NestedEntityResponse = Omit<EntityResponse, 'properties'> & {
  properties: Record<string, (string | NestedEntityResponse)[]>;
};
export const nestedEntityResponse: z.ZodType<NestedEntityResponse> = z
  .object({
    ...entityFields,
    get properties() {
      return z.record(z.string(), z.array(z.union([z.string(), nestedEntityResponse])));
    },
  })
  .meta({
    id: 'YenteNestedEntity',
    description: `An entity; with nested=true each entity-typed value that is a visible entity is that entity, and entities pointing at it appear under the reverse property (at most ${NESTED_PER_PROPERTY} per property)`,
  });

export const scoredEntity = entityResponse
  .extend({
    score: z.number(),
    features: z.record(z.string(), z.number()),
    match: z.boolean(),
    explanations: z.record(z.string(), z.object({ explanation: z.string(), label: z.string() })),
  })
  .meta({ id: 'YenteScoredEntity' });
export type ScoredEntity = z.infer<typeof scoredEntity>;

const featureDocs = z.record(
  z.string(),
  z.object({ description: z.string(), coefficient: z.number(), url: z.string() }),
);

export const matchResponse = z
  .object({
    responses: z.record(
      z.string(),
      z.object({
        status: z.number().int(),
        results: z.array(scoredEntity),
        total: totalSpec,
        query: z.object({
          id: z.string().nullable(),
          schema: z.string(),
          properties: z.record(z.string(), z.array(z.string())),
        }),
      }),
    ),
    matcher: z.object({ name: z.string(), description: z.string(), features: featureDocs }),
    limit: z.number().int(),
  })
  .meta({ id: 'YenteMatchResponse' });
export type MatchResponse = z.infer<typeof matchResponse>;

export const searchResponse = z
  .object({
    results: z.array(entityResponse),
    total: totalSpec,
    limit: z.number().int(),
    offset: z.number().int(),
    facets: z.record(
      z.string(),
      z.object({
        label: z.string(),
        values: z.array(z.object({ name: z.string(), label: z.string(), count: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'YenteSearchResponse' });
export type SearchResponse = z.infer<typeof searchResponse>;

export const catalogResponse = z
  .object({
    datasets: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        summary: z.string().nullable(),
        url: z.string().nullable(),
        load: z.boolean(),
        entities_url: z.string().nullable(),
        version: z.string(),
        updated_at: z.string().nullable(),
        index_version: z.string().nullable(),
        index_current: z.boolean(),
        children: z.array(z.string()),
        entity_count: z.number().int().nullable(),
      }),
    ),
    current: z.array(z.string()),
    outdated: z.array(z.string()),
    index_stale: z.boolean(),
  })
  .meta({ id: 'YenteCatalog' });
export type CatalogResponse = z.infer<typeof catalogResponse>;

export const statusResponse = z.object({ status: z.string() });

export const algorithmsResponse = z.object({
  algorithms: z.array(z.object({ name: z.string(), description: z.string(), features: featureDocs })),
  default: z.string(),
  best: z.string(),
});
