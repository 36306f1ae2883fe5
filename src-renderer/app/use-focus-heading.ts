import { useEffect } from 'react';

/**
 * After a navigation, focus goes to the new page's heading (h1 in main), so keyboard and screen
 * reader users start at the top of what changed. The heading may render a moment later (data
 * loading): wait for it briefly. The project list focuses its search box itself (docs/UX.md).
 */
export function useFocusHeading(key: string, skip: boolean): void {
  useEffect(() => {
    if (skip) return;
    const focus = () => {
      const h = document.querySelector<HTMLElement>('main h1');
      if (!h) return false;
      if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
      h.focus();
      return true;
    };
    if (focus()) return;
    const obs = new MutationObserver(() => focus() && obs.disconnect());
    obs.observe(document.body, { childList: true, subtree: true });
    const stop = setTimeout(() => obs.disconnect(), 3000);
    return () => {
      obs.disconnect();
      clearTimeout(stop);
    };
  }, [key, skip]);
}
