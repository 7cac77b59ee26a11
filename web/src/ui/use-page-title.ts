import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/** Sets document.title to "<page> – Weerbaar" so each page is announced and bookmarked by name. */
export function usePageTitle(title: string): void {
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${m.app.name}`;
  }, [title, m.app.name]);
}
