/**
 * One pass over the generated register: persons for the matcher and the B1 peers, the
 * entity graph for B4, and the ground-truth queries. Addresses come first in the stream,
 * so each person's address line is known when the person arrives.
 */
import { generateRegister } from '../server/src/modules/entities/generator/register.js';
import { generateQueries } from '../server/src/modules/entities/generator/queries.js';
import type { QueryVariant } from '../server/src/modules/entities/generator/query-variants.js';
import { GraphBuilder } from '../server/src/modules/entities/graph/graph-builder.js';
import { ftmToGraphRecords } from '../server/src/modules/entities/graph/ftm-records.js';
import type { FtmEntityData } from '../server/src/modules/entities/graph/ftm-records.js';
import type { EntityGraph } from '../server/src/modules/entities/graph/graph.types.js';
import type { EntityRecord, QueryExample } from '../server/src/modules/screening/engine/types.js';
import { normaliseText, splitAddress, splitDate } from './peer-normalise.js';
import type { PeerQuery, PeerRow } from './peer-normalise.js';

export interface RegisterData {
  records: EntityRecord[];
  rows: PeerRow[];
  entities: number;
  graph: EntityGraph | null;
}

export interface BenchQuery {
  id: string;
  variant: QueryVariant | 'demo';
  targetId: string;
  example: QueryExample;
  peer: PeerQuery;
}

function personRecord(entity: FtmEntityData, addresses: Map<string, string>): EntityRecord {
  const line = addresses.get(entity.properties.addressEntity?.[0] ?? '');
  return {
    id: entity.id,
    schema: 'Person',
    names: entity.properties.name ?? [],
    birthDates: entity.properties.birthDate ?? [],
    addresses: line ? [line] : [],
  };
}

function peerRow(record: EntityRecord): PeerRow {
  return {
    id: record.id,
    name: normaliseText(record.names[0] ?? ''),
    birthDate: record.birthDates?.[0] ?? '',
    ...splitAddress(record.addresses?.[0] ?? ''),
  };
}

/** Persons (with address lines) of the register, and its graph when asked for. */
export function loadRegister(persons: number, seed: number, withGraph: boolean): RegisterData {
  const addresses = new Map<string, string>();
  const records: EntityRecord[] = [];
  const builder = withGraph ? new GraphBuilder() : null;
  let entities = 0;
  for (const entity of generateRegister({ persons, seed })) {
    entities++;
    if (entity.schema === 'Address') addresses.set(entity.id, entity.properties.full?.[0] ?? '');
    else if (entity.schema === 'Person') records.push(personRecord(entity, addresses));
    if (!builder) continue;
    for (const record of ftmToGraphRecords(entity)) {
      if (record.kind === 'node') builder.addNode(record.node);
      else builder.addEdge(record.edge);
    }
  }
  return { records, rows: records.map(peerRow), entities, graph: builder ? builder.build() : null };
}

/** Ground-truth queries (demo applicant first, then every variant in turn). */
export function loadQueries(persons: number, seed: number, count: number): BenchQuery[] {
  return generateQueries({ register: { persons, seed }, count, seed: seed + 1 }).map((truth) => {
    const { name, birthDate, address } = truth.query;
    return {
      id: truth.id,
      variant: truth.variant,
      targetId: truth.targetId,
      example: {
        schema: 'Person',
        names: [name],
        ...(birthDate ? { birthDates: [birthDate] } : {}),
        ...(address ? { addresses: [address] } : {}),
      },
      peer: { name: normaliseText(name), ...splitDate(birthDate ?? ''), ...splitAddress(address ?? '') },
    };
  });
}
