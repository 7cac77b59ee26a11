import { Model, defaultModel, type Schema } from '@alephdata/followthemoney';
import type { FtmEntityData } from './graph/ftm-records.js';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (reason: string, property?: string): Validation =>
  property === undefined ? { ok: false, reason } : { ok: false, reason, property };

/** A schema with its properties flattened once: the FtM library rebuilds that map on every look-up. */
type SchemaInfo = { schema: Schema; isEntityProperty: ReadonlyMap<string, boolean> };
const schemaInfos = new Map<string, SchemaInfo>();

function schemaOf(name: unknown): SchemaInfo | string {
  if (typeof name !== 'string' || name === '') return 'missing schema';
  const cached = schemaInfos.get(name);
  if (cached) return cached;
  const schema = Object.hasOwn(ftmModel().schemata, name) ? ftmModel().schemata[name] : undefined;
  if (!schema) return `unknown schema "${name}"`;
  if (schema.abstract) return `schema "${name}" is abstract; use a concrete schema`;
  const isEntityProperty = new Map([...schema.getProperties()].map(([prop, p]) => [prop, p.type.isEntity]));
  const info = { schema, isEntityProperty };
  schemaInfos.set(name, info);
  return info;
}

/** Values as a clean array of strings (a bare string is accepted); null when a value is not a string. */
function valuesOf(raw: unknown): string[] | null {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || !list.every((v): v is string => typeof v === 'string')) return null;
  return list.filter((v) => v !== '');
}

/** Checks one parsed JSON value against the FtM model: schema, property names, value types, references. */
export function validateFtmEntity(raw: unknown): Validation {
  if (!isRecord(raw)) return fail('not a JSON object');
  if (typeof raw['id'] !== 'string' || !idPattern.test(raw['id'])) return fail('missing or invalid id');
  const info = schemaOf(raw['schema']);
  if (typeof info === 'string') return fail(info);
  const { schema, isEntityProperty } = info;
  const rawProperties = raw['properties'] ?? {};
  if (!isRecord(rawProperties)) return fail('properties must be an object');
  const properties: Record<string, string[]> = {};
  const refs: ValidEntity['refs'] = [];
  for (const [name, rawValues] of Object.entries(rawProperties)) {
    const isEntity = isEntityProperty.get(name);
    if (isEntity === undefined) return fail(`property "${name}" is not part of ${schema.name}`, name);
    const values = valuesOf(rawValues);
    if (!values) return fail(`property "${name}" must be a string or an array of strings`, name);
    if (values.length === 0) continue;
    if (isEntity) {
      const bad = values.find((v) => !idPattern.test(v));
      if (bad !== undefined) return fail(`property "${name}" must reference entity ids`, name);
      for (const targetId of new Set(values)) refs.push({ property: name, targetId });
    }
    properties[name] = values;
  }
  const entity = { id: raw['id'], schema: schema.name, properties };
  return {
    ok: true,
    value: { entity, caption: captionOf(schema, properties), topics: properties['topics'] ?? [], refs },
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

/** Lower case without diacritics, so "Ölçer" is found by "olc"; used for prefix search. */
export function captionKey(caption: string): string {
  return caption.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}
