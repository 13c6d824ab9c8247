import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';

const TABBABLE = 'a[href],button:not([tabindex="-1"]),textarea,input,select,[tabindex="0"]';

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

/** Keeps Tab and Shift+Tab cycling inside `dialog` (a modal's focus trap). */
export function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const all = dialog.querySelectorAll<HTMLElement>(TABBABLE);
  const first = all[0];
  const last = all[all.length - 1];
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  const wrap = e.shiftKey ? active === first || active === dialog : active === last;
  if (wrap) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}
