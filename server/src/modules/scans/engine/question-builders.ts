import type { AnswerFinding, FindingSeverity, ScanAnswerOption } from './scan-types.js';

/** A finding: a weakness, how serious it is and which catalogue measures address it. */
export const finding = (
  severity: FindingSeverity,
  title_nl: string,
  title_en: string,
  measureCodes: readonly string[],
): AnswerFinding => ({ severity, title_nl, title_en, measureCodes });

/** An answer option; with a finding when choosing it reveals a weakness. */
export const option = (code: string, label_nl: string, label_en: string, found?: AnswerFinding): ScanAnswerOption =>
  found ? { code, label_nl, label_en, finding: found } : { code, label_nl, label_en };

export const yes = option('ja', 'Ja', 'Yes');
export const no = option('nee', 'Nee', 'No');
export const yesWith = (found: AnswerFinding): ScanAnswerOption => option('ja', 'Ja', 'Yes', found);
export const noWith = (found: AnswerFinding): ScanAnswerOption => option('nee', 'Nee', 'No', found);
export const partlyWith = (found: AnswerFinding): ScanAnswerOption => option('deels', 'Gedeeltelijk', 'Partly', found);
export const unknownWith = (found: AnswerFinding): ScanAnswerOption =>
  option('onbekend', 'Weet ik niet', "Don't know", found);
