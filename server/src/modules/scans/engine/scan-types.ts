import type { CcvScanArea } from '../../measures/engine/measure-types.js';

export const findingSeverities = ['laag', 'midden', 'hoog'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

/** What an answer reveals: a weakness with its severity and the catalogue measures that address it. */
export type AnswerFinding = {
  severity: FindingSeverity;
  title_nl: string;
  title_en: string;
  measureCodes: readonly string[];
};

export type ScanAnswerOption = {
  code: string;
  label_nl: string;
  label_en: string;
  /** Absent when the answer shows no weakness. */
  finding?: AnswerFinding;
};

export type ScanQuestion = {
  code: string;
  area: CcvScanArea;
  text_nl: string;
  text_en: string;
  options: readonly ScanAnswerOption[];
};

/** One stored answer, as the findings engine sees it. */
export type GivenAnswer = { questionCode: string; answerCode: string };

/** A finding the engine derives from one answer. */
export type DerivedFinding = AnswerFinding & {
  questionCode: string;
  answerCode: string;
  area: CcvScanArea;
};
