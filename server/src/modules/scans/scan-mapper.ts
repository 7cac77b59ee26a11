import { findCatalogueMeasure } from '../measures/engine/measure-catalogue.js';
import type { CcvScanArea } from '../measures/engine/measure-types.js';
import { areaLabels, findOption, findQuestion, questionsOf, scanQuestionnaire } from './engine/scan-questionnaire.js';
import type { QuestionnaireDto, ScanDto, ScanFindingDto } from './scans.schema.js';
import type { AnswerRow, FindingRow, ScanRow } from './scans.repository.js';

export const areasOf = (scan: ScanRow): CcvScanArea[] => JSON.parse(scan.areas) as CcvScanArea[];

const severityRank = { hoog: 0, midden: 1, laag: 2 } as const;

/** A stored finding with the questionnaire's wording and the catalogue's measure names. */
export function toFindingDto(row: FindingRow): ScanFindingDto {
  const question = findQuestion(row.question_code);
  const option = question && findOption(question, row.answer_code);
  return {
    id: row.id,
    area: question?.area ?? 'woning',
    questionCode: row.question_code,
    question_nl: question?.text_nl ?? row.question_code,
    question_en: question?.text_en ?? row.question_code,
    answerCode: row.answer_code,
    answer_nl: option?.label_nl ?? row.answer_code,
    answer_en: option?.label_en ?? row.answer_code,
    severity: row.severity,
    title_nl: option?.finding?.title_nl ?? row.question_code,
    title_en: option?.finding?.title_en ?? row.question_code,
    measures: (JSON.parse(row.measure_codes) as string[]).map((code) => {
      const entry = findCatalogueMeasure(code);
      return { code, name_nl: entry?.name_nl ?? code, name_en: entry?.name_en ?? code };
    }),
    proposedAt: row.proposed_at,
  };
}

/** The scan with its answers, progress and findings (most severe first). */
export function toScanDto(scan: ScanRow, answers: AnswerRow[], findings: FindingRow[]): ScanDto {
  const areas = areasOf(scan);
  return {
    id: scan.id,
    officeholderId: scan.officeholder_id,
    areas,
    status: scan.status,
    progress: { answered: answers.length, total: questionsOf(areas).length },
    answers: answers.map((a) => ({
      questionCode: a.question_code,
      answerCode: a.answer_code,
      note: a.note,
      answeredAt: a.answered_at,
    })),
    findings: findings
      .map(toFindingDto)
      .sort(
        (x, y) => severityRank[x.severity] - severityRank[y.severity] || x.questionCode.localeCompare(y.questionCode),
      ),
    createdAt: scan.created_at,
    updatedAt: scan.updated_at,
    completedAt: scan.completed_at,
  };
}

/** The seeded questionnaire as the API shows it. */
export const questionnaireDto = (): QuestionnaireDto =>
  (Object.keys(scanQuestionnaire) as CcvScanArea[]).map((area) => ({
    area,
    label_nl: areaLabels[area].nl,
    label_en: areaLabels[area].en,
    questions: scanQuestionnaire[area].map((q) => ({
      code: q.code,
      text_nl: q.text_nl,
      text_en: q.text_en,
      options: q.options.map((o) => ({
        code: o.code,
        label_nl: o.label_nl,
        label_en: o.label_en,
        severity: o.finding?.severity ?? null,
        measureCodes: [...(o.finding?.measureCodes ?? [])],
      })),
    })),
  }));
