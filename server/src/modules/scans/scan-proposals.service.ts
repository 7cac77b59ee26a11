import { notFound } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/context.js';
import { proposeMeasures } from '../measures/plan-proposals.service.js';
import { toFindingDto } from './scan-mapper.js';
import { auditScan, readScan, requireScan } from './scans.service.js';
import type { ProposalResult } from './scans.schema.js';
import * as repo from './scans.repository.js';

// One click: the finding's suggested measures go into the officeholder's plan as voorgesteld, through
// the measures module's service, and the finding remembers it was proposed; one transaction.
async function propose(ctx: RequestContext, scan: repo.ScanRow, findings: repo.FindingRow[]): Promise<ProposalResult> {
  const proposals = findings.flatMap((f) => {
    const dto = toFindingDto(f);
    return dto.measures.map((m) => ({ code: m.code, reason: `Securityscan: ${dto.title_nl}` }));
  });
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const inTrx = { ...ctx, db: trx };
    const result = await proposeMeasures(inTrx, scan.officeholder_id, proposals, {
      type: 'security_scan',
      id: scan.id,
    });
    await repo.markFindingsProposed(
      trx,
      findings.map((f) => f.id),
      ctx.actor.userId,
      ctx.clock.now().toISOString(),
    );
    await auditScan(ctx, trx, 'security_scan.propose', scan.id, {
      findings: findings.map((f) => f.id),
      proposed: result.proposed.map((p) => p.code),
    });
    return result;
  });
  return { ...outcome, scan: await readScan(ctx, scan) };
}

/** Proposes the measures one finding suggests in the officeholder's plan. */
export async function proposeFinding(ctx: RequestContext, scanId: string, findingId: string): Promise<ProposalResult> {
  const scan = await requireScan(ctx, scanId);
  const finding = (await repo.findingsOfScans(ctx.db, [scan.id])).find((f) => f.id === findingId);
  if (!finding) throw notFound('finding');
  return propose(ctx, scan, [finding]);
}

/** Proposes the measures of every finding not proposed before. */
export async function proposeAllFindings(ctx: RequestContext, scanId: string): Promise<ProposalResult> {
  const scan = await requireScan(ctx, scanId);
  const open = (await repo.findingsOfScans(ctx.db, [scan.id])).filter((f) => f.proposed_at === null);
  return propose(ctx, scan, open);
}
