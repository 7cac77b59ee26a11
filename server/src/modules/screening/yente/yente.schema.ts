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
    queries: z.record(z.string(), entityExample),
    weights: z.record(z.string(), z.number()).optional(),
    config: z.record(z.string(), z.unknown()).optional(),
  })
  .loose()
  .meta({ id: 'YenteMatchQuery' });
export type MatchBody = z.infer<typeof matchBody>;

export const searchQuery = z.object({
  q: z.string().max(1000).default(''),
  schema: z.string().default('Thing'),
  topics: list,
  datasets: list,
  limit: z.coerce.number().int().min(0).max(YENTE_LIMITS.maxPage).default(10),
  offset: z.coerce.number().int().min(0).max(9_499).default(0),
  fuzzy: z.string().optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const entityQuery = z.object({ nested: z.string().optional() });

const totalSpec = z.object({ value: z.number().int(), relation: z.string() });

export const entityResponse = z
  .object({
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
  })
  .meta({ id: 'YenteEntity' });
export type EntityResponse = z.infer<typeof entityResponse>;

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
    facets: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'YenteSearchResponse' });

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
