import type { SharedRecordType } from '../../api/sharing';
import { useI18n } from '../../i18n/i18n';

/** The name of a record part (of an incident unless said otherwise) in the current language, or the code when unknown. */
export function usePartLabel(recordType: SharedRecordType = 'incident') {
  const { m } = useI18n();
  const names: Record<string, string> =
    recordType === 'officeholder' ? m.sharing.officeholderPartNames : m.sharing.partNames;
  return (part: string): string => names[part] ?? part;
}
