import { GraphBuilder } from './graph-builder.js';
import type { EdgeRecord, EdgeType, EntityGraph, NodeRecord } from './graph.types.js';

/** A FollowTheMoney entity as plain JSON (the shape Aleph, yente and our generator use). */
export interface FtmEntityData {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** Source and target property of each FtM edge schema the graph keeps (from the FtM model). */
export const FTM_EDGE_ENDS: Readonly<Record<Exclude<EdgeType, 'addressEntity'>, readonly [string, string]>> = {
  Directorship: ['director', 'organization'],
  Ownership: ['owner', 'asset'],
  Employment: ['employee', 'employer'],
  Family: ['person', 'relative'],
  Associate: ['person', 'associate'],
  Membership: ['member', 'organization'],
  UnknownLink: ['subject', 'object'],
  Representation: ['agent', 'client'],
};

/** FtM intervals the graph does not model (payments, debts, ...): not graph nodes either. */
const IGNORED_SCHEMATA: ReadonlySet<string> = new Set([
  'Payment',
  'Debt',
  'ContractAward',
  'Succession',
  'EconomicActivity',
  'Occupancy',
  'Sanction',
  'Identification',
  'Passport',
]);

export type GraphRecord = { kind: 'node'; node: NodeRecord } | { kind: 'edge'; edge: EdgeRecord };

const first = (entity: FtmEntityData, prop: string): string | undefined => entity.properties[prop]?.[0];

function isEdgeSchema(schema: string): schema is Exclude<EdgeType, 'addressEntity'> {
  return Object.hasOwn(FTM_EDGE_ENDS, schema);
}

function edgeRecord(entity: FtmEntityData, schema: Exclude<EdgeType, 'addressEntity'>): EdgeRecord | null {
  const [sourceProp, targetProp] = FTM_EDGE_ENDS[schema];
  const source = first(entity, sourceProp);
  const target = first(entity, targetProp);
  if (!source || !target) return null;
  const percentage = first(entity, 'percentage');
  const role = first(entity, 'role') ?? first(entity, 'relationship') ?? (percentage ? `${percentage}%` : undefined);
  return {
    id: entity.id,
    schema,
    source,
    target,
    role,
    startDate: first(entity, 'startDate'),
    endDate: first(entity, 'endDate'),
  };
}

function nodeRecord(entity: FtmEntityData): NodeRecord {
  return {
    id: entity.id,
    schema: entity.schema,
    topics: entity.properties.topics ?? [],
    birthDate: first(entity, 'birthDate'),
    incorporationDate: first(entity, 'incorporationDate'),
  };
}

/**
 * Graph records of one FtM entity: an edge for edge schemata; otherwise a node plus one
 * `addressEntity` edge per address it refers to ("resident" for persons, else "registered").
 */
export function ftmToGraphRecords(entity: FtmEntityData): GraphRecord[] {
  if (isEdgeSchema(entity.schema)) {
    const edge = edgeRecord(entity, entity.schema);
    return edge ? [{ kind: 'edge', edge }] : [];
  }
  const records: GraphRecord[] = [];
  if (IGNORED_SCHEMATA.has(entity.schema)) return records;
  records.push({ kind: 'node', node: nodeRecord(entity) });
  const role = entity.schema === 'Person' ? 'resident' : 'registered';
  for (const address of entity.properties.addressEntity ?? []) {
    records.push({ kind: 'edge', edge: { id: '', schema: 'addressEntity', source: entity.id, target: address, role } });
  }
  return records;
}

/** Builds a graph straight from a stream of FtM entities (in any order). */
export function buildGraphFromFtm(entities: Iterable<FtmEntityData>): EntityGraph {
  const builder = new GraphBuilder();
  for (const entity of entities) {
    for (const record of ftmToGraphRecords(entity)) {
      if (record.kind === 'node') builder.addNode(record.node);
      else builder.addEdge(record.edge);
    }
  }
  return builder.build();
}
