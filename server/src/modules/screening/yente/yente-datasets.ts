import { AppError } from '../../../platform/errors.js';
import type { RequestContext } from '../../../platform/context.js';
import type { DatasetAccess } from '../../entities/datasets.service.js';
import { datasetsToScreen } from '../screening-datasets.js';
import type { CatalogResponse } from './yente.schema.js';

/** A Weerbaar dataset under the name a yente client uses for it. */
export type NamedDataset = { name: string; access: DatasetAccess };

/** The collection of every dataset the token's user may see, as yente calls it. */
export const DEFAULT_COLLECTION = 'default';

/**
 * The visible datasets with yente names: the dataset's slug, or — when two organisations
 * share the same slug with this reader — the slug with the start of its id.
 */
export async function namedDatasets(ctx: RequestContext): Promise<NamedDataset[]> {
  const accesses = await datasetsToScreen(ctx);
  const counts = new Map<string, number>();
  for (const a of accesses) counts.set(a.dataset.name, (counts.get(a.dataset.name) ?? 0) + 1);
  return accesses.map((access) => {
    const { name, id } = access.dataset;
    return { name: (counts.get(name) ?? 0) > 1 ? `${name}-${id.slice(0, 8)}` : name, access };
  });
}

/** The datasets a request covers: a dataset or the default collection, narrowed by include/exclude. */
export function scopeOf(
  all: readonly NamedDataset[],
  dataset: string,
  include: readonly string[] = [],
  exclude: readonly string[] = [],
): NamedDataset[] {
  const base =
    dataset === DEFAULT_COLLECTION ? all : all.filter((d) => d.name === dataset || d.access.dataset.id === dataset);
  // The default collection always exists (the catalog lists it), even when it holds no dataset.
  if (base.length === 0 && dataset !== DEFAULT_COLLECTION) throw new AppError('not_found', 'No such dataset.');
  return base.filter((d) => (include.length === 0 || include.includes(d.name)) && !exclude.includes(d.name));
}

/** yente's catalog: each visible dataset, and `default` holding them all. */
export function catalogOf(all: readonly NamedDataset[]): CatalogResponse {
  const datasets = all.map(({ name, access }) => ({
    name,
    title: access.dataset.title,
    summary: access.sharedBy ? `Gedeeld door ${access.sharedBy}` : null,
    url: null,
    load: true,
    entities_url: null,
    version: access.dataset.updated_at,
    updated_at: access.dataset.updated_at,
    index_version: access.dataset.updated_at,
    index_current: true,
    children: [],
    entity_count: Number(access.dataset.entity_count),
  }));
  const latest =
    all
      .map((d) => d.access.dataset.updated_at)
      .sort()
      .at(-1) ?? '';
  const collection = {
    name: DEFAULT_COLLECTION,
    title: 'Alle datasets die u mag zien',
    summary: null,
    url: null,
    load: true,
    entities_url: null,
    version: latest,
    updated_at: latest || null,
    index_version: latest,
    index_current: true,
    children: all.map((d) => d.name),
    entity_count: all.reduce((sum, d) => sum + Number(d.access.dataset.entity_count), 0),
  };
  const names = [DEFAULT_COLLECTION, ...all.map((d) => d.name)];
  return { datasets: [collection, ...datasets], current: names, outdated: [], index_stale: false };
}
