import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Right after "Screenen" the result page opens where the form was scrolled to. When the page
 * was reached from the form (navigation state `screened`), scroll to the top and put focus on
 * the result's heading, so sighted and screen-reader users both start at the summary. The
 * shell focuses <main> on every navigation in its own effect; this runs after it.
 */
export function useResultFocus(): void {
  const location = useLocation();
  const screened = (location.state as { screened?: boolean } | null)?.screened === true;
  useEffect(() => {
    if (!screened) return undefined;
    const timer = window.setTimeout(() => {
      const heading = document.querySelector<HTMLElement>('[data-testid="screening-title"]');
      window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [screened, location.key]);
}
