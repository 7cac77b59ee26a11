/**
 * Request validation and reply serialisation of POST /match/{dataset}, the yente API's hot path.
 * The zod schemas stay the contract (OpenAPI, types, errors); these only take the cheap road
 * where it provably ends where zod would:
 * - a request part in the common, plainly valid shape is accepted as zod would accept it (same
 *   value, same defaults); anything else — every invalid input, and the rarer valid ones — goes
 *   to zod, so each 4xx answer is zod's own, unchanged;
 * - the reply is built field by field in the response schema's order by typed code
 *   (yente.service.ts, yente-entities.ts), so it is written with JSON.stringify without zod
 *   rebuilding it first; server/test/yente-fast-io.test.ts holds real answers against zod's.
 */
import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import { ALGORITHM, datasetParams, matchBody, matchQuery, matchResponse, YENTE_LIMITS } from './yente.schema.js';
import type { MatchQuery } from './yente.schema.js';

type Accepted = { value: unknown } | undefined;
type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

// A record key zod would treat specially when assigning it (left to zod).
const hasOddKey = (record: Plain): boolean => Object.hasOwn(record, '__proto__');

const isExample = (v: unknown): v is Plain =>
  isPlain(v) &&
  !hasOddKey(v) &&
  typeof v['schema'] === 'string' &&
  (v['id'] === undefined || typeof v['id'] === 'string') &&
  (v['properties'] === undefined || (isPlain(v['properties']) && !hasOddKey(v['properties'])));

/** `{ queries: { key: { schema, properties?, id? , …} } }` with nothing else: as zod parses it. */
function fastBody(data: unknown): Accepted {
  if (!isPlain(data) || hasOddKey(data)) return undefined;
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== 'queries') return undefined;
  const queries = data['queries'];
  if (!isPlain(queries) || hasOddKey(queries)) return undefined;
  const examples = Object.values(queries);
  if (!examples.every(isExample)) return undefined;
  // zod's default; the body is this request's own freshly parsed JSON.
  for (const example of examples) example['properties'] ??= {};
  return { value: data };
}

/** No query parameters at all: zod's defaults. */
function fastQuery(data: unknown): Accepted {
  if (!isPlain(data) && !(typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === null)) {
    return undefined;
  }
  if (Object.keys(data).length > 0) return undefined;
  const defaults: MatchQuery = {
    limit: YENTE_LIMITS.matchPage,
    threshold: YENTE_LIMITS.threshold,
    cutoff: YENTE_LIMITS.cutoff,
    algorithm: ALGORITHM,
    include_dataset: [],
    exclude_dataset: [],
    exclude_schema: [],
    topics: [],
    exclude_entity_ids: [],
  };
  return { value: defaults };
}

/** `{ dataset }`, a name of 1 to 200 characters. */
function fastParams(data: unknown): Accepted {
  if (typeof data !== 'object' || data === null) return undefined;
  const keys = Object.keys(data);
  const dataset = (data as Plain)['dataset'];
  if (keys.length !== 1 || typeof dataset !== 'string' || dataset.length < 1 || dataset.length > 200) return undefined;
  return { value: { dataset } };
}

const FAST = new Map<unknown, (data: unknown) => Accepted>([
  [matchBody, fastBody],
  [matchQuery, fastQuery],
  [datasetParams, fastParams],
]);

// Fastify types a route's compilers by the route's whole schema object; each part handed to them
// is one of its zod schemas, which is what the zod compilers take.
const zodPart = <T>(route: FastifyRouteSchemaDef<T>) => route as unknown as FastifyRouteSchemaDef<ZodType>;

/** The match route's validator: the cheap road for the common valid shapes, zod for the rest. */
export const matchValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => {
  const slow = validatorCompiler(zodPart(route));
  const fast = FAST.get(route.schema);
  if (!fast) return slow;
  return (data: unknown) => fast(data) ?? slow(data);
};

/** The match route's serialiser: its 200 answer as built; other answers through zod. */
export const matchSerializerCompiler: FastifySerializerCompiler<unknown> = (route) =>
  route.schema === matchResponse ? (data: unknown) => JSON.stringify(data) : serializerCompiler(zodPart(route));
