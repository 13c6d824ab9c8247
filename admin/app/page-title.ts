import { useEffect } from 'preact/hooks';

/** Sets the document title for the page on screen, so tabs, history and screen readers name it. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Herald`;
  }, [title]);
}
