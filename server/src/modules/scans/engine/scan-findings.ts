import type { CcvScanArea } from '../../measures/engine/measure-types.js';
import { findOption, findQuestion, questionsOf } from './scan-questionnaire.js';
import type { DerivedFinding, FindingSeverity, GivenAnswer } from './scan-types.js';

export type AnswerProblem = { path: string; message: string };

/** Why each answer cannot be stored (unknown question, question outside the scan's areas, unknown option). */
export function answerProblems(areas: readonly CcvScanArea[], answers: readonly GivenAnswer[]): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    const question = findQuestion(a.questionCode);
    if (!question) problems.push({ path: `answers.${i}.questionCode`, message: 'not a question of the scan' });
    else if (!areas.includes(question.area))
      problems.push({ path: `answers.${i}.questionCode`, message: `area ${question.area} is not part of this scan` });
    else if (!findOption(question, a.answerCode))
      problems.push({
        path: `answers.${i}.answerCode`,
        message: `choose one of ${question.options.map((o) => o.code).join(', ')}`,
      });
    if (seen.has(a.questionCode)) problems.push({ path: `answers.${i}.questionCode`, message: 'answered twice' });
    seen.add(a.questionCode);
  });
  return problems;
}

/** The findings the answers reveal, one per answer whose option names a weakness, most severe first. */
export function deriveFindings(answers: readonly GivenAnswer[]): DerivedFinding[] {
  const rank: Record<FindingSeverity, number> = { hoog: 0, midden: 1, laag: 2 };
  return answers
    .flatMap((a) => {
      const question = findQuestion(a.questionCode);
      const found = question && findOption(question, a.answerCode)?.finding;
      if (!question || !found) return [];
      return [{ ...found, questionCode: a.questionCode, answerCode: a.answerCode, area: question.area }];
    })
    .sort((x, y) => rank[x.severity] - rank[y.severity] || x.questionCode.localeCompare(y.questionCode));
}

/** Question codes of the scan's areas that have no answer yet. */
export function unansweredQuestions(areas: readonly CcvScanArea[], answers: readonly GivenAnswer[]): string[] {
  const answered = new Set(answers.map((a) => a.questionCode));
  return questionsOf(areas)
    .map((q) => q.code)
    .filter((code) => !answered.has(code));
}
