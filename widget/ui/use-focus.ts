import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

/**
 * Moves focus into a dialog when it opens and gives it back to what had it when it closes (the WAI-ARIA
 * dialog pattern). Looks through open shadow roots, so focus returns to the right element inside them.
 */
export function useFocusIn(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    let before = document.activeElement;
    while (before?.shadowRoot?.activeElement) before = before.shadowRoot.activeElement;
    ref.current?.focus();
    return () => (before as HTMLElement | null)?.focus?.();
  }, []);
}
