import type { AppContext } from '../../src/platform/context.js';
import type { Municipality } from './scenario.js';
import { createDataset } from '../../src/modules/entities/datasets.service.js';
import { importFtmEntities } from '../../src/modules/entities/ftm-import.service.js';
import { flagEntity } from '../../src/modules/entities/entities.service.js';

/** Valid bodies for the entity routes, so a refusal is about tenancy, not input. */
export const entityBodies: Record<string, unknown> = {
  'POST /api/v1/datasets/{datasetId}/grants': {
    granteeOrganisationId: '00000000-0000-4000-8000-000000000001',
    purpose: 'bibob_onderzoek',
    legalBasis: 'art. 28 Wet Bibob',
    expiresAt: '2027-01-01T00:00:00Z',
  },
  'POST /api/v1/datasets/{datasetId}/entities/{entityId}/flags': { reason: 'overschreven' },
};

/** A dataset of organisation B with one entity named `secret` and a flag on it. */
export async function entityRecordsOf(
  ctx: AppContext,
  b: Municipality,
  secret: string,
): Promise<Record<string, string>> {
  const dataset = await createDataset(ctx, b.org.id, { name: 'geheim', title: secret, kind: 'eigen_registratie' });
  const entity = { id: 'geheim-1', schema: 'Person', properties: { name: [secret] } };
  await importFtmEntities(ctx, dataset.id, async function* () {
    yield { line: 1, value: entity };
  });
  const flag = await flagEntity(b.rc, dataset.id, entity.id, secret);
  return { datasetId: dataset.id, entityId: entity.id, flagId: flag.id };
}
