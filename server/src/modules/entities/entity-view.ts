import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import { entityKey, splitEntityKey, type Clusters } from './cluster-resolver.js';
import type { EntitySummary, TieDto } from './entities.schema.js';
import { flaggedTopicsOf } from './entities.policy.js';
import { ftmModel } from './ftm-validation.js';
import * as repo from './entities.repository.js';

/** At most this many references are read per direction; a hub address can have thousands. */
export const TIE_LIMIT = 200;

export const propertiesOf = (row: repo.EntityRow): Record<string, string[]> =>
  JSON.parse(row.properties) as Record<string, string[]>;

export const topicFlags = (row: repo.EntityRow, config: Config): string[] =>
  flaggedTopicsOf(JSON.parse(row.topics) as string[], config.flaggedTopics);

/** What the reader needs to judge flags: the configured topics and the live analyst flags by entity id. */
export type FlagContext = { config: Config; flaggedIds: ReadonlySet<string>; clusters: Clusters };

/** A short view of an entity, resolved to its cluster's canonical entity. */
export function summaryOf(row: repo.EntityRow, flags: FlagContext): EntitySummary {
  const canonical = splitEntityKey(flags.clusters.canonicalOf(entityKey(row.dataset_id, row.id)));
  return {
    datasetId: row.dataset_id,
    id: row.id,
    schema: row.schema,
    caption: row.caption,
    isFlagged: flags.flaggedIds.has(row.id) || topicFlags(row, flags.config).length > 0,
    canonical: { datasetId: canonical.datasetId, id: canonical.entityId },
  };
}

const first = (props: Record<string, string[]>, names: readonly string[]): string | null => {
  for (const name of names) {
    const value = props[name]?.[0];
    if (value) return value;
  }
  return null;
};

function edgeOf(row: repo.EntityRow) {
  const schema = ftmModel().schemata[row.schema];
  if (!schema?.edge) return null;
  const props = propertiesOf(row);
  return {
    spec: schema.edge,
    dto: {
      id: row.id,
      schema: row.schema,
      role: first(props, ['role', 'relationship']),
      startDate: first(props, ['startDate', 'date']),
      endDate: first(props, ['endDate']),
    },
    props,
  };
}

type RawTie = { direction: 'in' | 'out'; property: string; edgeRow: repo.EntityRow | null; otherId: string };

/** The direct ties of one entity: its references, and entities (edges) that reference it, with the far end. */
export async function tiesOf(
  db: Db,
  row: repo.EntityRow,
  flagsFor: (ids: string[]) => Promise<FlagContext>,
): Promise<{ ties: TieDto[]; isTruncated: boolean }> {
  const { outgoing, incoming } = await repo.refsOf(db, row.dataset_id, row.id, TIE_LIMIT);
  const sources = await repo.findEntities(db, row.dataset_id, [...new Set(incoming.map((r) => r.source_id))]);
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const raw: RawTie[] = outgoing.map((r) => ({
    direction: 'out',
    property: r.property,
    edgeRow: null,
    otherId: r.target_id,
  }));
  for (const ref of incoming) {
    const source = sourceById.get(ref.source_id);
    const edge = source ? edgeOf(source) : null;
    if (!source || !edge) {
      raw.push({ direction: 'in', property: ref.property, edgeRow: null, otherId: ref.source_id });
      continue;
    }
    // Through an edge entity the tie leads to the edge's other end (director -> company).
    const otherProperty = ref.property === edge.spec.source ? edge.spec.target : edge.spec.source;
    for (const otherId of edge.props[otherProperty] ?? []) {
      raw.push({
        direction: ref.property === edge.spec.source ? 'out' : 'in',
        property: ref.property,
        edgeRow: source,
        otherId,
      });
    }
  }
  const others = await repo.findEntities(db, row.dataset_id, [...new Set(raw.map((t) => t.otherId))]);
  const otherById = new Map(others.map((o) => [o.id, o]));
  const flags = await flagsFor(others.map((o) => o.id));
  const ties = raw.map((t): TieDto => {
    const other = otherById.get(t.otherId);
    return {
      direction: t.direction,
      property: t.property,
      edge: t.edgeRow ? (edgeOf(t.edgeRow)?.dto ?? null) : null,
      other: other ? summaryOf(other, flags) : null,
    };
  });
  return { ties, isTruncated: outgoing.length >= TIE_LIMIT || incoming.length >= TIE_LIMIT };
}
