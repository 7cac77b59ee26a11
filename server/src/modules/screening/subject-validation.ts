/**
 * Checks a query-by-example against the FtM model with the rules for bad input:
 * a missing schema is unprocessable (422); an unknown schema, a property outside the schema
 * or of the wrong type, and an empty query are bad requests (400) that name what is wrong.
 */
import { validateFtmEntity, ftmModel, captionOf } from '../entities/ftm-validation.js';
import type { QueryExample } from './engine/types.js';
import { formatPartialDate, parseBirthDate } from './engine/dates.js';
import { normaliseCountry } from './engine/identifiers.js';
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

// ISO 8601 as FtM writes dates: a year, a month or a day, optionally with a time.
const isoDate = /^\d{4}(?:-(\d{2})(?:-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function isIsoDate(value: string): boolean {
  const m = isoDate.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(value.slice(0, 4)), Number(m[1] ?? 1), Number(m[2] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date FtM or the engine reads: ISO (partial) dates, or the Dutch forms ("3-4-1979", "3 april 1979"). */
const isDate = (value: string): boolean => isIsoDate(value.trim()) || parseBirthDate(value) !== null;

let countryCodes: ReadonlyMap<string, string> | null = null;

/** FtM's country codes and their English labels (lower case), each to its code. */
function knownCountries(): ReadonlyMap<string, string> {
  if (countryCodes) return countryCodes;
  const values = ftmModel().getType('country').values;
  const known = new Map<string, string>();
  for (const [code, label] of values) {
    known.set(code.toLowerCase(), code);
    known.set(normaliseCountry(label), code);
  }
  countryCodes = known;
  return known;
}

/** A country code of the FtM model (any case), or a country name the matcher maps to one. */
function isCountry(value: string): boolean {
  const known = knownCountries();
  return known.has(value.trim().toLowerCase()) || known.has(normaliseCountry(value));
}

type CheckedType = 'date' | 'country';
const checkedTypes = new Map<string, ReadonlyMap<string, CheckedType>>();

/** The date- and country-typed properties of a schema, flattened once (FtM rebuilds them per look-up). */
function checkedPropertiesOf(schemaName: string): ReadonlyMap<string, CheckedType> {
  const cached = checkedTypes.get(schemaName);
  if (cached) return cached;
  const typed = new Map<string, CheckedType>();
  const schema = ftmModel().schemata[schemaName];
  for (const [name, prop] of schema ? schema.getProperties() : []) {
    if (prop.type.name === 'date' || prop.type.name === 'country') typed.set(name, prop.type.name);
  }
  checkedTypes.set(schemaName, typed);
  return typed;
}

/** The first date- or country-typed value neither FtM nor the engine can read, with its property. */
function valueProblem(schemaName: string, props: Record<string, string[]>, path: string): ExampleProblem | null {
  const typed = checkedPropertiesOf(schemaName);
  for (const [name, values] of Object.entries(props)) {
    const type = typed.get(name);
    const check = type === 'date' ? isDate : type === 'country' ? isCountry : null;
    const bad = check ? values.find((v) => !check(v)) : undefined;
    if (bad === undefined) continue;
    const expected =
      type === 'date'
        ? 'a date such as 1979-04-03, 1979-04, 1979 or 3-4-1979'
        : 'a country code such as nl, de or ma, or a country name';
    return { status: 400, path: `${path}.properties.${name}`, message: `"${bad}" is not ${expected}` };
  }
  return null;
}

/** A value of a checked type in FtM's own form: an ISO (partial) date, a country code. */
function ftmValue(type: CheckedType, value: string): string {
  if (type === 'country') {
    const known = knownCountries();
    return known.get(value.trim().toLowerCase()) ?? known.get(normaliseCountry(value)) ?? value;
  }
  if (isIsoDate(value.trim())) return value.trim();
  const date = parseBirthDate(value);
  return date ? formatPartialDate(date) : value;
}

/**
 * The properties of a valid example as FtM stores them ("3-4-1979" becomes 1979-04-03, "Nederland"
 * nl), for an applicant kept as an entity, so that the store and `export ftm` hold valid FtM.
 */
export function ftmPropertiesOf(valid: Pick<ValidExample, 'schema' | 'properties'>): Record<string, string[]> {
  const typed = checkedPropertiesOf(valid.schema);
  const out: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(valid.properties)) {
    const type = typed.get(name);
    out[name] = type ? [...new Set(values.map((v) => ftmValue(type, v)))] : values;
  }
  return out;
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
  const badValue = valueProblem(schemaName, props, path);
  if (badValue) return badValue;
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
