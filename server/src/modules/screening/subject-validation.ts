/**
 * Checks a query-by-example against the FtM model with the rules for bad input:
 * a missing schema is unprocessable (422); an unknown schema, a property outside the schema
 * or of the wrong type, and an empty query are bad requests (400) that name what is wrong.
 */
import { validateFtmEntity, ftmModel, captionOf } from '../entities/ftm-validation.js';
import type { QueryExample } from './engine/types.js';
import { exampleOf } from './engine-records.js';
import { screeningSchemata, type ScreeningSchema } from './screening.table.js';

export type ExampleProblem = { status: 400 | 422; path: string; message: string };

export type ValidExample = {
  schema: ScreeningSchema;
  properties: Record<string, string[]>;
  example: QueryExample;
  caption: string;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function schemaProblem(schema: unknown, path: string): ExampleProblem | null {
  if (schema === undefined || schema === null || schema === '') {
    return { status: 422, path: `${path}.schema`, message: 'a schema is required (Person, Company, ...)' };
  }
  if (typeof schema !== 'string' || !Object.hasOwn(ftmModel().schemata, schema)) {
    return { status: 400, path: `${path}.schema`, message: `unknown schema "${String(schema)}"` };
  }
  if (!screeningSchemata.includes(schema as ScreeningSchema)) {
    return {
      status: 400,
      path: `${path}.schema`,
      message: `a ${schema} cannot be screened; use ${screeningSchemata.join(', ')}`,
    };
  }
  return null;
}

/** A valid example, or the first problem with where it is (`path` prefixes the field names). */
export function validateExample(
  raw: { schema?: unknown; properties?: unknown },
  path: string,
): ValidExample | ExampleProblem {
  const problem = schemaProblem(raw.schema, path);
  if (problem) return problem;
  const schemaName = raw.schema as string;
  const properties = raw.properties ?? {};
  if (!isRecord(properties)) return { status: 400, path: `${path}.properties`, message: 'must be an object' };
  const checked = validateFtmEntity({ id: 'query', schema: schemaName, properties });
  if (!checked.ok) {
    const where = checked.property ? `${path}.properties.${checked.property}` : `${path}.properties`;
    return { status: 400, path: where, message: checked.reason };
  }
  const schema = schemaName as ScreeningSchema;
  const props = checked.value.entity.properties;
  const example = exampleOf(schema, props);
  if (example.names.length === 0 && (example.identifiers ?? []).length === 0) {
    return {
      status: 400,
      path: `${path}.properties`,
      message: 'empty query: give at least a name or a registration number',
    };
  }
  const caption = captionOf(ftmModel().schemata[schemaName]!, props);
  return { schema, properties: props, example, caption };
}

export const isProblem = (v: ValidExample | ExampleProblem): v is ExampleProblem => 'status' in v;
