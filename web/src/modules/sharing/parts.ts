import { useI18n } from '../../i18n/i18n';

/** The name of an incident part in the current language, or the code when unknown. */
export function usePartLabel() {
  const { m } = useI18n();
  const names = m.sharing.partNames as Record<string, string>;
  return (part: string): string => names[part] ?? part;
}
