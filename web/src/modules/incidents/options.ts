import type { CodeGroup } from '../../api/codes';
import { useI18n } from '../../i18n/i18n';
import type { Option } from '../../ui/Field';

/** Turns a taxonomy code list into labelled options in the current language. */
export function useCodeOptions() {
  const { label } = useI18n();
  return (group: CodeGroup, codes: readonly string[] | undefined): Option[] =>
    (codes ?? []).map((code) => ({ value: code, label: label(group, code) }));
}

export const severityLevels = [1, 2, 3, 4, 5] as const;

/** Severity 1–5 with its word, e.g. "3 – Gemiddeld". */
export function useSeverityLabel() {
  const { m } = useI18n();
  return (n: number): string => m.severity.short(n, m.severity.levels[n] ?? '');
}
