/**
 * GET /entities/{id}?nested=true as yente builds it: the entities the root points at and the
 * entities pointing at the root are read, then the far ends of the edges among them
 * (Directorship, Ownership, Family, …), so an edge shows its other end. In the answer each
 * entity-typed value that was read becomes that entity, serialised in turn; entities pointing
 * at an entity appear under the reverse property (a Person's `directorshipDirector`) for the
 * root and the entities right below it. A value already on the path from the root stays a
 * plain id (the cycle guard), as does an id that is not in the root's dataset.
 *
 * Only the root's dataset is read, which the caller has found visible: FtM ids need not be
 * unique between datasets, so a reference is never resolved in another one.
 */
import type { Config } from '../../../config.js';
import type { RequestContext } from '../../../platform/context.js';
import { entitiesByIds, referencesTo, type StoredEntity } from '../../entities/entity-read.service.js';
import { toEntityResponse } from './yente-entities.js';
import { entityPropsOf, isEdgeSchema } from './yente-ftm.js';
import { NESTED_PER_PROPERTY, type NestedEntityResponse } from './yente.schema.js';

/** Bounds of one nested answer. */
export const NESTED_LIMITS = {
  /** Entities nested under one property (the rest of a property's own ids stay ids). */
  perProperty: NESTED_PER_PROPERTY,
  /** References to the root read at most (yente reads one page of adjacent entities too). */
  inbound: 500,
  /** Levels below the root. */
  depth: 3,
  /** Entities serialised in one answer. */
  nodes: 2_000,
} as const;

type Inverted = Map<string, { prop: string; sourceId: string }[]>;

/** The entity-typed values of an entity, per property, as the model types them. */
function outboundOf(entity: StoredEntity): [prop: string, ids: string[]][] {
  const result: [string, string[]][] = [];
  for (const prop of entityPropsOf(entity.schema).keys()) {
    const ids = entity.properties[prop];
    if (ids?.length) result.push([prop, ids]);
  }
  return result;
}

/** The root's neighbourhood in its dataset: what it points at, what points at it, and the far ends of edges. */
async function neighbourhood(ctx: RequestContext, datasetId: string, root: StoredEntity) {
  const entities = new Map<string, StoredEntity>([[root.id, root]]);
  const inbound = await referencesTo(ctx, datasetId, root.id, NESTED_LIMITS.inbound);
  const perProperty = new Map<string, number>();
  const first = new Set<string>();
  for (const ref of inbound) {
    const seen = perProperty.get(ref.property) ?? 0;
    if (seen >= NESTED_LIMITS.perProperty) continue;
    perProperty.set(ref.property, seen + 1);
    first.add(ref.sourceId);
  }
  for (const [, ids] of outboundOf(root)) for (const id of ids.slice(0, NESTED_LIMITS.perProperty)) first.add(id);
  first.delete(root.id);
  for (const e of await entitiesByIds(ctx, datasetId, [...first])) entities.set(e.id, e);
  const farEnds = new Set<string>();
  for (const e of entities.values()) {
    if (e === root || !isEdgeSchema(e.schema)) continue;
    for (const [, ids] of outboundOf(e)) for (const id of ids) if (!entities.has(id)) farEnds.add(id);
  }
  for (const e of await entitiesByIds(ctx, datasetId, [...farEnds])) entities.set(e.id, e);
  return entities;
}

/** For each entity id, the entities read that point at it and under which reverse property. */
function invert(entities: Map<string, StoredEntity>): Inverted {
  const inverted: Inverted = new Map();
  for (const e of entities.values()) {
    const reverses = entityPropsOf(e.schema);
    for (const [prop, ids] of outboundOf(e)) {
      const reverse = reverses.get(prop);
      if (!reverse) continue;
      for (const id of new Set(ids)) {
        const list = inverted.get(id) ?? [];
        list.push({ prop: reverse, sourceId: e.id });
        inverted.set(id, list);
      }
    }
  }
  return inverted;
}

type Nesting = {
  entities: Map<string, StoredEntity>;
  inverted: Inverted;
  datasetName: string;
  config: Config;
  nodes: number;
};

function nest(n: Nesting, entity: StoredEntity, path: ReadonlySet<string>, referents: string[]): NestedEntityResponse {
  n.nodes += 1;
  const flat = toEntityResponse(entity, n.datasetName, referents, n.config);
  const properties: NestedEntityResponse['properties'] = { ...flat.properties };
  const nextPath = new Set(path).add(entity.id);
  const mayNest = () => nextPath.size <= NESTED_LIMITS.depth && n.nodes < NESTED_LIMITS.nodes;
  const child = (id: string) => {
    const adjacent = n.entities.get(id);
    return adjacent && !path.has(id) && mayNest() ? nest(n, adjacent, nextPath, []) : null;
  };
  // Entities pointing at this one, for the root and the level below it (as yente).
  const incoming = new Map<string, NestedEntityResponse[]>();
  if (path.size <= 1) {
    for (const { prop, sourceId } of n.inverted.get(entity.id) ?? []) {
      const list = incoming.get(prop) ?? [];
      if (list.length >= NESTED_LIMITS.perProperty || list.some((e) => e.id === sourceId)) continue;
      const nested = child(sourceId);
      if (nested) incoming.set(prop, [...list, nested]);
    }
  }
  // This entity's own references: ids on the path are left out; when nothing else is left the ids stay.
  for (const [prop, ids] of outboundOf(entity)) {
    const values: (string | NestedEntityResponse)[] = [];
    let nestedCount = 0;
    for (const id of ids) {
      if (path.has(id)) continue;
      const nested = nestedCount < NESTED_LIMITS.perProperty ? child(id) : null;
      if (nested) nestedCount += 1;
      values.push(nested ?? id);
    }
    if (values.length > 0) properties[prop] = values;
  }
  for (const [prop, list] of incoming) {
    const own = properties[prop] ?? [];
    const ownIds = new Set(own.map((v) => (typeof v === 'string' ? v : v.id)));
    properties[prop] = [...own, ...list.filter((e) => !ownIds.has(e.id))];
  }
  return { ...flat, properties };
}

/** The root with its neighbourhood nested, read from the root's (visible) dataset only. */
export async function nestedEntity(
  ctx: RequestContext,
  dataset: { id: string; name: string },
  root: StoredEntity,
  referents: string[],
): Promise<{ entity: NestedEntityResponse; read: number }> {
  const entities = await neighbourhood(ctx, dataset.id, root);
  const n: Nesting = { entities, inverted: invert(entities), datasetName: dataset.name, config: ctx.config, nodes: 0 };
  return { entity: nest(n, root, new Set(), referents), read: entities.size };
}
