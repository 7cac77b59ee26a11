import type { CcvScanArea } from '../../measures/engine/measure-types.js';
import { digitaalQuestions } from './questions-digitaal.js';
import { reisbewegingenQuestions } from './questions-reisbewegingen.js';
import { werkpakketQuestions } from './questions-werkpakket.js';
import { woningQuestions } from './questions-woning.js';
import type { ScanAnswerOption, ScanQuestion } from './scan-types.js';

/** The seeded questionnaire, per CCV area in the order the scan walks them. */
export const scanQuestionnaire: Readonly<Record<CcvScanArea, readonly ScanQuestion[]>> = {
  woning: woningQuestions,
  werkpakket: werkpakketQuestions,
  reisbewegingen: reisbewegingenQuestions,
  digitale_omgeving: digitaalQuestions,
};

export const areaLabels: Readonly<Record<CcvScanArea, { nl: string; en: string }>> = {
  woning: { nl: 'Woning', en: 'Home' },
  werkpakket: { nl: 'Werkpakket', en: 'Work' },
  reisbewegingen: { nl: 'Reisbewegingen', en: 'Travel' },
  digitale_omgeving: { nl: 'Digitale omgeving', en: 'Digital environment' },
};

const byCode = new Map(Object.values(scanQuestionnaire).flatMap((qs) => qs.map((q) => [q.code, q] as const)));

export const findQuestion = (code: string): ScanQuestion | undefined => byCode.get(code);

export const findOption = (question: ScanQuestion, answerCode: string): ScanAnswerOption | undefined =>
  question.options.find((o) => o.code === answerCode);

/** The questions of the given areas, in questionnaire order. */
export const questionsOf = (areas: readonly CcvScanArea[]): ScanQuestion[] =>
  (Object.keys(scanQuestionnaire) as CcvScanArea[])
    .filter((area) => areas.includes(area))
    .flatMap((area) => [...scanQuestionnaire[area]]);
