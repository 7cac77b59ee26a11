import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { AppContext, RequestContext } from '../../platform/context.js';
import { getOfficeholder } from '../officeholders/officeholders.service.js';
import { getOrganisation } from '../organisations/organisations.service.js';
import { answerProblems, deriveFindings, unansweredQuestions } from './engine/scan-findings.js';
import { areasOf, toScanDto } from './scan-mapper.js';
import { renderScanReport } from './scan-report.js';
import type { AnswerScanInput, CreateScanInput, ScanDto, ScanListItem } from './scans.schema.js';
import * as repo from './scans.repository.js';

/** Audits a scan change or read as the actor (in the given transaction or on its own). */
export function auditScan(
  ctx: RequestContext,
  db: AppContext['db'],
  action: string,
  scanId: string | undefined,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    action,
    result: 'success',
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    objectType: 'security_scan',
    ...(scanId ? { objectId: scanId } : {}),
    details,
    origin: ctx.origin,
  });
}

/** A scan of the actor's organisation, or not found (also for other organisations). */
export async function requireScan(ctx: RequestContext, scanId: string): Promise<repo.ScanRow> {
  const scan = await repo.findScan(ctx.db, ctx.actor.organisationId, scanId);
  if (!scan) throw notFound('security scan');
  return scan;
}

/** The scan as the API shows it, read from `ctx.db`. */
export async function readScan(ctx: RequestContext, scan: repo.ScanRow): Promise<ScanDto> {
  const [answers, findings] = await Promise.all([
    repo.answersOfScan(ctx.db, ctx.config.encryptionKeys, scan.id),
    repo.findingsOfScans(ctx.db, [scan.id]),
  ]);
  return toScanDto(scan, answers, findings);
}

/** Starts a draft scan for an officeholder over the chosen CCV areas. */
export async function startScan(ctx: RequestContext, officeholderId: string, input: CreateScanInput): Promise<ScanDto> {
  await getOfficeholder(ctx, officeholderId);
  const now = ctx.clock.now().toISOString();
  const row: repo.ScanRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    officeholder_id: officeholderId,
    areas: JSON.stringify([...new Set(input.areas)]),
    status: 'draft',
    created_by_user_id: ctx.actor.userId,
    completed_by_user_id: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertScan(trx, row);
    await auditScan(ctx, trx, 'security_scan.create', row.id, { areas: areasOf(row) });
  });
  return toScanDto(row, [], []);
}

/** The officeholder's scans, newest first. */
export async function listScans(ctx: RequestContext, officeholderId: string): Promise<ScanListItem[]> {
  await getOfficeholder(ctx, officeholderId);
  const scans = await repo.scansOfOfficeholder(ctx.db, ctx.actor.organisationId, officeholderId);
  const findings = await repo.findingsOfScans(
    ctx.db,
    scans.map((s) => s.id),
  );
  await auditScan(ctx, ctx.db, 'security_scan.list', undefined, { officeholderId, count: scans.length });
  return scans.map((s) => ({
    id: s.id,
    officeholderId: s.officeholder_id,
    areas: areasOf(s),
    status: s.status,
    findingCount: findings.filter((f) => f.scan_id === s.id).length,
    createdAt: s.created_at,
    completedAt: s.completed_at,
  }));
}

/** One scan with answers and findings; every read is audited. */
export async function getScan(ctx: RequestContext, scanId: string): Promise<ScanDto> {
  const scan = await requireScan(ctx, scanId);
  await auditScan(ctx, ctx.db, 'security_scan.read', scan.id);
  return readScan(ctx, scan);
}

const closedScan = (): AppError =>
  new AppError('conflict', 'This scan is afgerond; start a new scan to change answers', {
    issues: [{ path: 'status', message: 'the scan is afgerond and can no longer change' }],
  });

// Findings follow the answers: a finding that still holds keeps its id (and whether it was
// proposed), one that no longer holds goes, a new weakness gets a new finding.
async function syncFindings(ctx: RequestContext, scan: repo.ScanRow): Promise<void> {
  const answers = await repo.answersOfScan(ctx.db, ctx.config.encryptionKeys, scan.id);
  const derived = deriveFindings(answers.map((a) => ({ questionCode: a.question_code, answerCode: a.answer_code })));
  const existing = await repo.findingsOfScans(ctx.db, [scan.id]);
  const key = (q: string, a: string): string => `${q}\u0000${a}`;
  const wanted = new Set(derived.map((d) => key(d.questionCode, d.answerCode)));
  const kept = new Set(existing.map((f) => key(f.question_code, f.answer_code)));
  await repo.deleteFindings(
    ctx.db,
    existing.filter((f) => !wanted.has(key(f.question_code, f.answer_code))).map((f) => f.id),
  );
  const now = ctx.clock.now().toISOString();
  await repo.insertFindings(
    ctx.db,
    derived
      .filter((d) => !kept.has(key(d.questionCode, d.answerCode)))
      .map((d) => ({
        id: newId(),
        scan_id: scan.id,
        organisation_id: scan.organisation_id,
        question_code: d.questionCode,
        answer_code: d.answerCode,
        severity: d.severity,
        measure_codes: JSON.stringify(d.measureCodes),
        proposed_at: null,
        proposed_by_user_id: null,
        created_at: now,
      })),
  );
}

/** Stores answers of a draft scan and recomputes its findings, all or nothing. */
export async function answerScan(ctx: RequestContext, scanId: string, input: AnswerScanInput): Promise<ScanDto> {
  const scan = await requireScan(ctx, scanId);
  if (scan.status !== 'draft') throw closedScan();
  const issues = answerProblems(areasOf(scan), input.answers);
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
  }
  const now = ctx.clock.now().toISOString();
  const rows = input.answers.map((a) => ({
    id: newId(),
    scan_id: scan.id,
    organisation_id: scan.organisation_id,
    question_code: a.questionCode,
    answer_code: a.answerCode,
    note: a.note ?? null,
    answered_by_user_id: ctx.actor.userId,
    answered_at: now,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateScanInStatus(trx, scan.id, 'draft', { updated_at: now }))) throw closedScan();
    await repo.replaceAnswers(trx, ctx.config.encryptionKeys, scan.id, rows);
    await syncFindings({ ...ctx, db: trx }, scan);
    await auditScan(ctx, trx, 'security_scan.answer', scan.id, { questions: rows.map((r) => r.question_code) });
  });
  return readScan(ctx, await requireScan(ctx, scanId));
}

/** Closes a scan (draft → afgerond) once every question of its areas is answered. */
export async function completeScan(ctx: RequestContext, scanId: string): Promise<ScanDto> {
  const scan = await requireScan(ctx, scanId);
  if (scan.status !== 'draft') throw closedScan();
  const answers = await repo.answersOfScan(ctx.db, ctx.config.encryptionKeys, scan.id);
  const open = unansweredQuestions(
    areasOf(scan),
    answers.map((a) => ({ questionCode: a.question_code, answerCode: a.answer_code })),
  );
  if (open.length > 0) {
    throw new AppError('validation_failed', `answers: ${open.length} questions are still unanswered`, {
      issues: open.map((code) => ({ path: `answers.${code}`, message: 'unanswered' })),
    });
  }
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const patch = {
      status: 'afgerond' as const,
      completed_at: now,
      completed_by_user_id: ctx.actor.userId,
      updated_at: now,
    };
    if (!(await repo.updateScanInStatus(trx, scan.id, 'draft', patch))) throw closedScan();
    await auditScan(ctx, trx, 'security_scan.complete', scan.id);
  });
  return readScan(ctx, await requireScan(ctx, scanId));
}

/** The printable HTML report of a scan (audited as a read). */
export async function scanReportHtml(ctx: RequestContext, scanId: string): Promise<string> {
  const scan = await requireScan(ctx, scanId);
  const [officeholder, organisation, dto] = await Promise.all([
    getOfficeholder(ctx, scan.officeholder_id),
    getOrganisation(ctx, scan.organisation_id),
    readScan(ctx, scan),
  ]);
  await auditScan(ctx, ctx.db, 'security_scan.report', scan.id);
  return renderScanReport({
    scan: dto,
    officeholderName: officeholder.fullName,
    organisationName: organisation.name,
    printedAt: ctx.clock.now().toISOString().slice(0, 16).replace('T', ' '),
  });
}
