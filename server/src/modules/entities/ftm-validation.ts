import { Model, defaultModel, type Schema } from '@alephdata/followthemoney';
import type { FtmEntityData } from './graph/ftm-records.js';
import { quoted, valueCheckOf, type ValueCheck } from './ftm-value-checks.js';

/** Why one input line was refused; `line` is 1-based in the source file. */
export type LineProblem = { line: number; reason: string; property?: string };

/** An entity that passed validation, with what the store derives from it. */
export type ValidEntity = {
  entity: FtmEntityData;
  caption: string;
  topics: string[];
  /** Entity-typed property values: the ties to other entities. */
  refs: { property: string; targetId: string }[];
};

export type Validation = { ok: true; value: ValidEntity } | { ok: false; reason: string; property?: string };

let model: Model | null = null;

/** The FtM model, built once (it parses a few hundred kB of schema on first use). */
export function ftmModel(): Model {
  model ??= new Model(defaultModel);
  return model;
}

// FtM ids are slugs or hashes; whitespace or control characters mean a broken line, not an id.
const idPattern = /^[^\s\p{Cc}]{1,1024}$/u;

/** The id pattern, with a loop for the common all-printable-ASCII id (the Unicode regex is several times slower). */
function isValidId(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 1024) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return idPattern.test(value);
  }
  return true;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (reason: string, property?: string): Validation =>
  property === undefined ? { ok: false, reason } : { ok: false, reason, property };

/** How the import checks one property: an entity reference, or a value check of its type (null: any string). */
type PropertyInfo = { isEntity: boolean; check: ValueCheck | null };

/** A schema with its properties flattened once: the FtM library rebuilds that map on every look-up. */
type SchemaInfo = { schema: Schema; properties: ReadonlyMap<string, PropertyInfo> };
const schemaInfos = new Map<string, SchemaInfo>();

function schemaOf(name: unknown): SchemaInfo | string {
  if (typeof name !== 'string' || name === '') return 'missing schema';
  const cached = schemaInfos.get(name);
  if (cached) return cached;
  const schema = Object.hasOwn(ftmModel().schemata, name) ? ftmModel().schemata[name] : undefined;
  if (!schema) return `unknown schema "${name}"`;
  if (schema.abstract) return `schema "${name}" is abstract; use a concrete schema`;
  const properties = new Map(
    [...schema.getProperties()].map(([prop, p]) => [
      prop,
      { isEntity: p.type.isEntity, check: p.type.isEntity ? null : valueCheckOf(p.type.name) },
    ]),
  );
  const info = { schema, properties };
  schemaInfos.set(name, info);
  return info;
}

/**
 * Values as a clean array of strings (a bare string is accepted; empty strings dropped); null when
 * a value is not a string. An array that is clean already is returned as it is, not copied.
 *
 * A bare string is wrapped as FtM itself does when it loads an entity (`EntityProxy` puts every
 * value through `ensure_list`), as yente's match API does and as this application's own API does
 * (it shares this validator): the value is unambiguous, and export writes it back as an array.
 */
function valuesOf(raw: unknown): string[] | null {
  if (typeof raw === 'string') return raw === '' ? [] : [raw];
  if (!Array.isArray(raw)) return null;
  let hasEmpty = false;
  for (const v of raw as unknown[]) {
    if (typeof v !== 'string') return null;
    if (v === '') hasEmpty = true;
  }
  return hasEmpty ? (raw as string[]).filter((v) => v !== '') : (raw as string[]);
}

/** The values as their type stores them (the same array when all are clean), or the index of the first refused one. */
function cleanValues(values: string[], check: ValueCheck): string[] | number {
  let cleaned: string[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    const clean = check.clean(value);
    if (clean === null) return i;
    if (clean !== value && !cleaned) cleaned = values.slice(0, i);
    cleaned?.push(clean);
  }
  return cleaned ?? values;
}

/** What validation checks: by default names and value types (the API's query input); the import also checks values by type. */
export type ValidationOptions = { checkValues?: boolean };

type CheckedProperties = { properties: Record<string, string[]>; refs: ValidEntity['refs'] } | Validation;

/** Checks the property names and values; the input object is kept when nothing needed cleaning. */
function checkProperties(
  info: SchemaInfo,
  rawProperties: Record<string, unknown>,
  checkValues: boolean,
): CheckedProperties {
  let properties: Record<string, string[]> | null = null;
  const refs: ValidEntity['refs'] = [];
  const names = Object.keys(rawProperties);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    const property = info.properties.get(name);
    if (property === undefined) return fail(`property "${name}" is not part of ${info.schema.name}`, name);
    const rawValues = rawProperties[name];
    let values = valuesOf(rawValues);
    if (!values) return fail(`property "${name}" must be a string or an array of strings`, name);
    if (property.isEntity) {
      for (const v of values) if (!isValidId(v)) return fail(`property "${name}" must reference entity ids`, name);
      const targets = values.length === 1 ? values : new Set(values);
      for (const targetId of targets) refs.push({ property: name, targetId });
    } else if (checkValues && property.check) {
      const cleaned = cleanValues(values, property.check);
      if (typeof cleaned === 'number') {
        const value = quoted(values[cleaned] as string);
        return fail(`property "${name}": ${value} is not ${property.check.expected}`, name);
      }
      values = cleaned;
    }
    // The first value that needs cleaning starts a copy with the clean properties before it.
    if (!properties && (values !== rawValues || values.length === 0)) {
      properties = {};
      for (let j = 0; j < i; j++) properties[names[j] as string] = rawProperties[names[j] as string] as string[];
    }
    if (properties && values.length > 0) properties[name] = values;
  }
  return { properties: properties ?? (rawProperties as Record<string, string[]>), refs };
}

/**
 * Checks one parsed JSON value against the FtM model: schema, property names, value types,
 * references and, with `checkValues`, each value against its property's FtM type. A refused
 * entity is refused whole: nothing of it is kept.
 */
export function validateFtmEntity(raw: unknown, options: ValidationOptions = {}): Validation {
  if (!isRecord(raw)) return fail('not a JSON object');
  const id = raw['id'];
  if (typeof id !== 'string' || !isValidId(id)) return fail('missing or invalid id');
  const info = schemaOf(raw['schema']);
  if (typeof info === 'string') return fail(info);
  const rawProperties = raw['properties'] ?? {};
  if (!isRecord(rawProperties)) return fail('properties must be an object');
  const checked = checkProperties(info, rawProperties, options.checkValues === true);
  if ('ok' in checked) return checked;
  const { properties, refs } = checked;
  const entity = { id, schema: info.schema.name, properties };
  return {
    ok: true,
    value: { entity, caption: captionOf(info.schema, properties), topics: properties['topics'] ?? [], refs },
  };
}

/** FtM's caption: the first caption property with a value (the shortest name, as FtM picks), else the schema label. */
export function captionOf(schema: Schema, properties: Record<string, string[]>): string {
  for (const name of schema.caption) {
    const values = properties[name];
    if (!values?.length) continue;
    if (name === 'name') return values.reduce((a, b) => (b.length < a.length ? b : a));
    return values[0] ?? schema.label;
  }
  return schema.label;
}

const printableAscii = /^[\x20-\x7e]*$/;

/** Lower case without diacritics, so "Ölçer" is found by "olc"; used for prefix search. */
export function captionKey(caption: string): string {
  // Plain ASCII has nothing to decompose or strip; skipping NFKD keeps the import's hot path short.
  const folded = printableAscii.test(caption) ? caption : caption.normalize('NFKD').replace(/\p{M}/gu, '');
  return folded.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}
