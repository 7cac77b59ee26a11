import { AppError, forbidden, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/context.js';
import {
  mayAddNote,
  mayHandle,
  mayShare,
  noteProblem,
  statusChangeProblem,
  withdrawProblem,
} from './support.policy.js';
import type { SupportRequestDto, SupportStatusChangeInput, WithdrawInput } from './support.schema.js';
import type { SupportStatus } from './support.table.js';
import { auditSupport, requireRequest, staleRequest, toRequestDto } from './support.service.js';
import * as repo from './support.repository.js';

const closedStatuses: readonly SupportStatus[] = ['afgerond', 'ingetrokken'];

async function moveStatus(
  ctx: RequestContext,
  id: string,
  change: { from: repo.SupportRequestRow; to: SupportStatus; version: number; reason: string | undefined },
  action: string,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const patch = {
    status: change.to,
    status_reason: change.reason ?? null,
    updated_at: now,
    closed_at: closedStatuses.includes(change.to) ? now : null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateRequestAtVersion(trx, id, change.version, patch))) throw staleRequest();
    await auditSupport(ctx, trx, action, id, { from: change.from.status, to: change.to });
  });
}

/** The support team moves a request: ingediend → in_behandeling → afgerond. */
export async function changeSupportStatus(
  ctx: RequestContext,
  id: string,
  input: SupportStatusChangeInput,
): Promise<SupportRequestDto> {
  const { row, access } = await requireRequest(ctx, id);
  if (!mayHandle(access)) throw forbidden('only the support organisation handles a request');
  const problem = statusChangeProblem(row.status, input.status);
  if (problem) throw new AppError('conflict', problem, { issues: [{ path: 'status', message: problem }] });
  await moveStatus(
    ctx,
    id,
    { from: row, to: input.status, version: input.version, reason: input.reason },
    'support_request.status',
  );
  const fresh = await requireRequest(ctx, id);
  return toRequestDto(ctx, fresh.row, fresh.access);
}

/** The requester (or the officeholder it is about) withdraws a request that is still open. */
export async function withdrawSupportRequest(
  ctx: RequestContext,
  id: string,
  input: WithdrawInput,
): Promise<SupportRequestDto> {
  const { row, access } = await requireRequest(ctx, id);
  if (!mayShare(access)) throw forbidden('only the requester withdraws a request');
  const problem = withdrawProblem(row.status);
  if (problem) throw new AppError('conflict', problem, { issues: [{ path: 'status', message: problem }] });
  await moveStatus(
    ctx,
    id,
    { from: row, to: 'ingetrokken', version: input.version, reason: input.reason },
    'support_request.withdraw',
  );
  const fresh = await requireRequest(ctx, id);
  return toRequestDto(ctx, fresh.row, fresh.access);
}

/** Adds a note to the conversation: by the support team, the requester or the officeholder it is about. */
export async function addSupportNote(ctx: RequestContext, id: string, body: string): Promise<SupportRequestDto> {
  const { row, access } = await requireRequest(ctx, id);
  if (!mayAddNote(access)) throw forbidden('named readers do not write in the conversation');
  const problem = noteProblem(row.status);
  if (problem) throw invalid('body', problem);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertNote(trx, ctx.config.encryptionKeys, {
      id: newId(),
      request_id: row.id,
      organisation_id: row.organisation_id,
      author_user_id: ctx.actor.userId,
      author_role: access.via === 'support_team' ? 'support_team' : 'requester',
      body,
      created_at: now,
    });
    await auditSupport(ctx, trx, 'support_request.note', id, { authorRole: access.via });
  });
  return toRequestDto(ctx, row, access);
}
