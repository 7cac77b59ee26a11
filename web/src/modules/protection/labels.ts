import { useI18n } from '../../i18n/i18n';
import { useThreatConfiguration, type Labelled } from '../../api/threats';

type Bilingual = { label_nl: string; label_en: string };

/** The label of a configured code (level, product, authority, factor) in the current language. */
export function useThreatLabels() {
  const { lang, m } = useI18n();
  const config = useThreatConfiguration();
  const pick = (x: Bilingual): string => (lang === 'nl' ? x.label_nl : x.label_en);
  const find = (list: Labelled[] | undefined, code: string | null | undefined): string => {
    if (!code) return m.common.empty;
    const item = list?.find((x) => x.code === code);
    return item ? pick(item) : code;
  };
  return {
    config,
    pick,
    level: (code: string | null | undefined) => find(config.data?.levels, code),
    product: (code: string | null | undefined) => find(config.data?.products, code),
    authority: (code: string | null | undefined) => find(config.data?.authorities, code),
    factor: (code: string | null | undefined) => find(config.data?.factors, code),
  };
}

/** A text in the current language from a pair of Dutch/English fields. */
export function useBilingual() {
  const { lang } = useI18n();
  return <K extends string>(x: Record<`${K}_nl` | `${K}_en`, string>, key: K): string =>
    lang === 'nl' ? x[`${key}_nl`] : x[`${key}_en`];
}
