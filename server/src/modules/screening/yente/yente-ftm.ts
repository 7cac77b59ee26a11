/**
 * What the yente API needs from the FollowTheMoney model: a schema's entity-typed properties
 * and their reverse names, the values of a property type (countries, identifiers, genders),
 * the schemata a search for a schema covers, and human labels of country and topic codes.
 * Everything is read from the installed model once per schema and cached.
 */
import type { Schema } from '@alephdata/followthemoney';
import { ftmModel } from '../../entities/ftm-validation.js';

type SchemaFacts = {
  /** Entity-typed property → the name of its reverse property on the referenced schema (null: none). */
  entityProps: ReadonlyMap<string, string | null>;
  /** Property type name → the schema's properties of that type. */
  propsByType: ReadonlyMap<string, readonly string[]>;
  isEdge: boolean;
};

const facts = new Map<string, SchemaFacts | null>();

function schemaNamed(name: string): Schema | null {
  const schemata = ftmModel().schemata;
  return Object.hasOwn(schemata, name) ? (schemata[name] ?? null) : null;
}

/** Facts about a schema, or null for a name the model does not know. */
function factsOf(schemaName: string): SchemaFacts | null {
  const cached = facts.get(schemaName);
  if (cached !== undefined) return cached;
  const schema = schemaNamed(schemaName);
  let result: SchemaFacts | null = null;
  if (schema) {
    const entityProps = new Map<string, string | null>();
    const propsByType = new Map<string, string[]>();
    for (const [name, prop] of schema.getProperties()) {
      if (prop.type.isEntity) entityProps.set(name, prop.hasReverse ? prop.getReverse().name : null);
      const list = propsByType.get(prop.type.name) ?? [];
      list.push(name);
      propsByType.set(prop.type.name, list);
    }
    result = { entityProps, propsByType, isEdge: schema.isEdge };
  }
  facts.set(schemaName, result);
  return result;
}

/** Whether the model knows the schema. */
export const isKnownSchema = (name: string): boolean => schemaNamed(name) !== null;

/** Whether any schema of the model has a property of this name. */
export function isKnownProperty(name: string): boolean {
  return ftmModel()
    .getSchemata()
    .some((s) => s.getProperties().has(name));
}

/** The schema's entity-typed properties with their reverse property names. */
export const entityPropsOf = (schemaName: string): ReadonlyMap<string, string | null> =>
  factsOf(schemaName)?.entityProps ?? new Map<string, string | null>();

/** Whether the schema is an edge (Directorship, Ownership, Family, UnknownLink, …). */
export const isEdgeSchema = (schemaName: string): boolean => factsOf(schemaName)?.isEdge ?? false;

/** The entity's values of every property of one FtM type (e.g. `country`: nationality, jurisdiction, …). */
export function valuesOfType(schemaName: string, properties: Record<string, string[]>, type: string): string[] {
  const names = factsOf(schemaName)?.propsByType.get(type) ?? [];
  return [...new Set(names.flatMap((n) => properties[n] ?? []))];
}

const coverage = new Map<string, ReadonlySet<string>>();

/**
 * The schemata a search for `schemaName` covers, as yente's filter: the schema and its
 * descendants, and — for a matchable schema — its matchable ancestors (a Person search also
 * finds a LegalEntity).
 */
export function schemataCoveredBy(schemaName: string): ReadonlySet<string> {
  const cached = coverage.get(schemaName);
  if (cached) return cached;
  const wanted = schemaNamed(schemaName);
  const names = new Set<string>();
  if (wanted) {
    for (const s of ftmModel().getSchemata()) {
      if (s.isA(wanted) || (wanted.matchable && s.matchable && wanted.isA(s))) names.add(s.name);
    }
  }
  coverage.set(schemaName, names);
  return names;
}

/** The plural label of an FtM type (`Countries`, `Topics`, …). */
export const typePlural = (type: string): string => ftmModel().types[type]?.plural ?? type;

/** The label of a value of an FtM type with a fixed vocabulary (country names, topic labels), else the value. */
export function valueLabel(type: string, value: string): string {
  return ftmModel().types[type]?.values.get(value) ?? value;
}

/** The plural label of a schema (`People`, `Companies`), else its name. */
export const schemaPlural = (name: string): string => schemaNamed(name)?.plural ?? name;
