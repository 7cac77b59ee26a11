import type { CodeGroup, CodeGroups } from '../api/codes';

/** Labels for every code of every taxonomy group; the type makes a missing label a compile error. */
export type CodeLabels = { [G in CodeGroup]: Record<CodeGroups[G], string> };
