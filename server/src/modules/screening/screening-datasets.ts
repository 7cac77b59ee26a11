import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { listVisibleDatasets, type DatasetAccess } from '../entities/datasets.service.js';

/**
 * Each organisation keeps the applicants it screened as entities of its own dataset, so a
 * match decision (applicant ~ candidate) goes through the entity store like any other.
 * That dataset is never screened against: it would find the applicant itself.
 */
export const SUBJECT_DATASET = { name: 'gescreende-aanvragers', title: 'Gescreende aanvragers' } as const;

const isSubjectDataset = (access: DatasetAccess, organisationId: string): boolean =>
  access.dataset.name === SUBJECT_DATASET.name && access.dataset.organisation_id === organisationId;

/** The datasets to screen against: the ones asked for (each must be visible, else 404) or all visible. */
export async function datasetsToScreen(ctx: RequestContext, datasetIds?: readonly string[]): Promise<DatasetAccess[]> {
  const visible = (await listVisibleDatasets(ctx)).filter((a) => !isSubjectDataset(a, ctx.actor.organisationId));
  if (!datasetIds || datasetIds.length === 0) return visible;
  const byId = new Map(visible.map((a) => [a.dataset.id, a]));
  return [...new Set(datasetIds)].map((id) => {
    const access = byId.get(id);
    if (!access) throw notFound('dataset');
    return access;
  });
}
