import { describe, expect, it } from 'vitest';
import { findCatalogueMeasure } from '../../measures/engine/measure-catalogue.js';
import { ccvScanAreas } from '../../measures/engine/measure-types.js';
import { answerProblems, deriveFindings, unansweredQuestions } from './scan-findings.js';
import { questionsOf, scanQuestionnaire } from './scan-questionnaire.js';

describe('the seeded questionnaire', () => {
  it('asks six to ten questions per CCV area, in Dutch and English, with unique codes', () => {
    for (const area of ccvScanAreas) {
      const questions = scanQuestionnaire[area];
      expect(questions.length).toBeGreaterThanOrEqual(6);
      expect(questions.length).toBeLessThanOrEqual(10);
      for (const q of questions) {
        expect(q.area).toBe(area);
        expect(q.code.startsWith(`${area}.`)).toBe(true);
        expect(q.text_nl.length * q.text_en.length).toBeGreaterThan(0);
        expect(new Set(q.options.map((o) => o.code)).size).toBe(q.options.length);
      }
    }
    const codes = questionsOf(ccvScanAreas).map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('suggests only measures that are in the catalogue, and every question can reveal a weakness', () => {
    for (const q of questionsOf(ccvScanAreas)) {
      const findings = q.options.flatMap((o) => (o.finding ? [o.finding] : []));
      expect(findings.length, q.code).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.measureCodes.length, q.code).toBeGreaterThan(0);
        for (const code of f.measureCodes) expect(findCatalogueMeasure(code), `${q.code} → ${code}`).toBeDefined();
      }
    }
  });
});

describe('findings from answers', () => {
  it('derives a finding per weak answer, most severe first, and none for a safe answer', () => {
    const findings = deriveFindings([
      { questionCode: 'woning.verlichting', answerCode: 'nee' },
      { questionCode: 'woning.alarm', answerCode: 'nee' },
      { questionCode: 'woning.sluitwerk', answerCode: 'ja' },
    ]);
    expect(findings.map((f) => [f.questionCode, f.severity])).toEqual([
      ['woning.alarm', 'hoog'],
      ['woning.verlichting', 'laag'],
    ]);
    expect(findings[0]?.measureCodes).toEqual(['W-ALARM-DOORMELDING']);
  });

  it('names the field of an unknown question, a question outside the areas, an unknown answer or a repeat', () => {
    expect(
      answerProblems(
        ['woning'],
        [
          { questionCode: 'woning.bestaat_niet', answerCode: 'ja' },
          { questionCode: 'werkpakket.post', answerCode: 'ja' },
          { questionCode: 'woning.alarm', answerCode: 'misschien' },
          { questionCode: 'woning.verlichting', answerCode: 'ja' },
          { questionCode: 'woning.verlichting', answerCode: 'nee' },
        ],
      ).map((p) => p.path),
    ).toEqual(['answers.0.questionCode', 'answers.1.questionCode', 'answers.2.answerCode', 'answers.4.questionCode']);
  });

  it('lists what is still unanswered in the chosen areas only', () => {
    const open = unansweredQuestions(
      ['digitale_omgeving'],
      [{ questionCode: 'digitale_omgeving.telefoon', answerCode: 'nee' }],
    );
    expect(open).not.toContain('digitale_omgeving.telefoon');
    expect(open.every((c) => c.startsWith('digitale_omgeving.'))).toBe(true);
    expect(open).toHaveLength(scanQuestionnaire.digitale_omgeving.length - 1);
  });
});
