import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CodeGroup } from '../api/codes';
import { en } from './en';
import { nl, type Messages } from './nl';

export type Lang = 'nl' | 'en';
const storageKey = 'weerbaar.lang';
const dictionaries: Record<Lang, Messages> = { nl, en };

type I18n = {
  lang: Lang;
  m: Messages;
  setLang: (lang: Lang) => void;
  /** The label of a taxonomy code, or the code itself when the dictionary does not know it. */
  label: (group: CodeGroup, code: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
};

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** Dutch first; the choice is kept in localStorage and mirrored on <html lang>. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const m = dictionaries[lang];
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      lang,
      m,
      setLang,
      label: (group, code) => {
        if (!code) return m.common.empty;
        const labels = m.codes[group] as Record<string, string>;
        return labels[code] ?? code;
      },
      formatDateTime: (iso) => (iso ? safeFormat(dateTime, iso) : m.common.empty),
      formatDate: (iso) => (iso ? safeFormat(date, iso.length === 10 ? `${iso}T12:00:00` : iso) : m.common.empty),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function safeFormat(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
