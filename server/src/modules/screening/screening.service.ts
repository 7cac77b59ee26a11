import { AppError, conflict, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordAudit, type AuditInput } from '../../platform/audit/audit.service.js';
import { commitWithAudit } from '../../platform/audit/group-commit.js';
import type { RequestContext } from '../../platform/context.js';
import type { Db } from '../../db/database.js';
import { requireAccessReason, sharedRecordIds } from '../sharing/sharing.service.js';
import { displayNames } from '../users/users.service.js';
import type {
  CreateScreeningInput,
  ScreeningConclusionInput,
  ScreeningDto,
  ScreeningResult,
  ScreeningSummary,
} from './screening.schema.js';
import { mayConclude, type ScreeningAccess } from './screening.policy.js';
import { requireScreening } from './screening-access.js';
import { isProblem, validateExample, type ValidExample } from './subject-validation.js';
import { datasetsToScreen } from './screening-datasets.js';
import { matchAcross } from './match-across.js';
import { buildScreeningResult } from './screening-result.js';
import { currentDecisions, recordConclusion } from './screening-decisions.service.js';
import * as repo from './screening.repository.js';

const CANDIDATES = { limit: 10, threshold: 0.3 };
const NO_REGISTERS =
  'no registers accessible: uw organisatie heeft geen registers om tegen te screenen / ' +
  'your organisation may not screen against any register; ask its owner (e.g. the RIEC) to share one';
/** How the user who ran a screening sees it right after (a new screening is TLP:AMBER). */
const RAN_IT: ScreeningAccess = {
  via: 'organisation',
  purpose: null,
  sharedBy: null,
  isReasonRequired: false,
  grantIds: [],
};

function audit(ctx: RequestContext, db: Db, input: Omit<AuditInput, 'actorUserId' | 'organisationId' | 'origin'>) {
  return recordAudit(db, ctx.dialect, ctx.clock, {
    ...input,
    actorUserId: ctx.actor.userId,
    organisationId: ctx.actor.organisationId,
    origin: ctx.origin,
  });
}

function validSubject(input: CreateScreeningInput): ValidExample {
  const checked = validateExample(input.subject, 'subject');
  if (!isProblem(checked)) return checked;
  const issues = [{ path: checked.path, message: checked.message }];
  if (checked.status === 422) throw new AppError('unprocessable', `${checked.path}: ${checked.message}`, { issues });
  throw invalid(checked.path, checked.message);
}

/** Screens an applicant against the datasets the user may see and keeps everything as a record (audited). */
export async function createScreening(ctx: RequestContext, input: CreateScreeningInput): Promise<ScreeningDto> {
  const subject = validSubject(input);
  const accesses = await datasetsToScreen(ctx, input.datasetIds);
  // Without a register to screen against, "nothing found" would read as a clean result: refuse.
  if (accesses.length === 0) throw conflict(NO_REGISTERS);
  const candidates = await matchAcross(ctx, accesses, subject.example, CANDIDATES);
  const result = await buildScreeningResult(ctx, new Map(accesses.map((a) => [a.dataset.id, a])), candidates);
  const stored = {
    subject: { schema: subject.schema, properties: subject.properties },
    datasets: accesses.map(({ dataset: d }) => ({ id: d.id, name: d.name, title: d.title })),
  };
  const row: repo.ScreeningRow = {
    id: newId(),
    organisation_id: ctx.actor.organisationId,
    created_by_user_id: ctx.actor.userId,
    created_at: ctx.clock.now().toISOString(),
    purpose: input.purpose,
    case_reference: input.caseReference || null,
    subject_schema: subject.schema,
    subject_caption: subject.caption,
    subject: JSON.stringify(stored.subject),
    datasets: JSON.stringify(stored.datasets),
    result: JSON.stringify(result),
    candidate_count: result.candidates.length,
    red_flag_count: result.redFlags.length,
    conclusion_outcome: null,
    conclusion_text: null,
    concluded_by_user_id: null,
    concluded_at: null,
    tlp: 'AMBER',
  };
  // The record and its audit event commit together, group-committed with concurrent screenings.
  await commitWithAudit(
    ctx,
    {
      action: 'screening.create',
      result: 'success',
      actorUserId: ctx.actor.userId,
      organisationId: ctx.actor.organisationId,
      objectType: 'screening',
      objectId: row.id,
      details: { datasets: accesses.length, candidates: result.candidates.length, redFlags: result.redFlags.length },
      origin: ctx.origin,
    },
    (trx) => repo.insertScreening(trx, ctx.dialect, row),
  );
  // A screening just made has no decisions or conclusions yet (they name its new id), and its
  // parts are at hand: the answer is built from them rather than from the row's JSON.
  return toDto(ctx, row, RAN_IT, { ...stored, result, decisions: new Map() });
}

/** One screening with its current decisions; every read is audited, a shared or RED one with the reader's reason. */
export async function getScreening(ctx: RequestContext, id: string): Promise<ScreeningDto> {
  const found = await requireScreening(ctx, id);
  const { row } = found;
  const reason = found.access.isReasonRequired ? await requireAccessReason(ctx, 'screening', id) : null;
  const access = { ...found.access, purpose: reason?.purpose ?? found.access.purpose };
  await audit(ctx, ctx.db, {
    action: 'screening.read',
    result: 'success',
    objectType: 'screening',
    objectId: id,
    recordOwnerId: row.organisation_id,
    ...(access.purpose ? { purpose: access.purpose } : {}),
    details: { via: access.via, grantIds: access.grantIds, tlp: row.tlp },
  });
  return toDto(ctx, row, access);
}

/** Screenings of the own organisation and those shared with the actor, newest first. */
export async function listScreenings(
  ctx: RequestContext,
  page: { page: number; pageSize: number },
): Promise<ScreeningSummary[]> {
  const shared = await sharedRecordIds(ctx, 'screening');
  const reader = { organisationId: ctx.actor.organisationId, userId: ctx.actor.userId };
  const rows = await repo.listScreenings(ctx.db, reader, shared, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  const names = await displayNames(
    ctx,
    rows.map((r) => r.created_by_user_id),
  );
  return rows.map((r) => summaryOf(r, names));
}

/** Records the conclusion as the newest of its history (the user who ran it or a Bibob coordinator; audited). */
export async function concludeScreening(
  ctx: RequestContext,
  id: string,
  input: ScreeningConclusionInput,
): Promise<ScreeningDto> {
  const { row, access } = await recordConclusion(ctx, id, input);
  return toDto(ctx, row, access);
}

function summaryOf(row: repo.ScreeningListRow, names: Map<string, string>): ScreeningSummary {
  return {
    id: row.id,
    createdAt: row.created_at,
    createdBy: names.get(row.created_by_user_id) ?? '—',
    purpose: row.purpose,
    caseReference: row.case_reference,
    subjectSchema: row.subject_schema,
    subjectCaption: row.subject_caption,
    candidateCount: Number(row.candidate_count),
    redFlagCount: Number(row.red_flag_count),
    outcome: row.conclusion_outcome,
    tlp: row.tlp,
  };
}

type Decisions = Awaited<ReturnType<typeof currentDecisions>>;
/** The parts of a screening just made, as its row's JSON columns hold them. */
type Known = Pick<ScreeningDto, 'subject' | 'datasets' | 'result'> & { decisions: Decisions };

async function toDto(
  ctx: RequestContext,
  row: repo.ScreeningRow,
  access: ScreeningAccess,
  known?: Known,
): Promise<ScreeningDto> {
  // A screening just made has no conclusions yet.
  const history = known ? [] : await repo.listConclusions(ctx.db, row.id);
  const names = await displayNames(ctx, [row.created_by_user_id, ...history.map((c) => c.concluded_by_user_id)]);
  const result = known?.result ?? (JSON.parse(row.result) as ScreeningResult);
  // Decisions belong to the owner organisation; a grantee reads the screening without them.
  const decisions: Decisions =
    known?.decisions ?? (access.via === 'organisation' ? await currentDecisions(ctx, row.id) : new Map());
  for (const c of result.candidates) c.decision = decisions.get(`${c.datasetId}/${c.entityId}`) ?? null;
  const conclusions = history.map((c) => ({
    outcome: c.outcome,
    text: c.text,
    concludedBy: names.get(c.concluded_by_user_id) ?? '—',
    concludedAt: c.concluded_at,
  }));
  return {
    ...summaryOf(row, names),
    subject: known?.subject ?? (JSON.parse(row.subject) as ScreeningDto['subject']),
    datasets: known?.datasets ?? (JSON.parse(row.datasets) as ScreeningDto['datasets']),
    result,
    conclusion: conclusions[0] ?? null,
    conclusions,
    access: {
      via: access.via,
      sharedBy: access.sharedBy,
      purpose: access.purpose,
      mayConclude: mayConclude(ctx.actor, row, access),
      mayShare: access.via === 'organisation',
    },
  };
}
