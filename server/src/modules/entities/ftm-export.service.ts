import { AppError } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './entities.repository.js';

const PAGE = 2_000;

/**
 * The dataset as FtM JSON lines, in id order, read page by page (keyset) so memory stays flat.
 * Only id, schema and properties are written: what FtM tools read back.
 */
export async function* exportFtmLines(ctx: AppContext, datasetId: string): AsyncGenerator<string> {
  const dataset = await repo.findDataset(ctx.db, datasetId);
  if (!dataset) throw new AppError('not_found', 'dataset not found');
  let after = '';
  let count = 0;
  for (;;) {
    const rows = await repo.entitiesAfter(ctx.db, datasetId, after, PAGE);
    if (rows.length === 0) break;
    // Properties are stored as JSON text already; splicing it in avoids a parse and re-encode.
    yield rows
      .map((r) => `{"id":${JSON.stringify(r.id)},"schema":${JSON.stringify(r.schema)},"properties":${r.properties}}\n`)
      .join('');
    count += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
  }
  await recordAudit(ctx.db, ctx.dialect, ctx.clock, {
    action: 'dataset.export',
    result: 'success',
    actorUserId: null,
    organisationId: dataset.organisation_id,
    objectType: 'dataset',
    objectId: datasetId,
    details: { entities: count },
  });
}
