/**
 * Moves focus to `el` and returns how to give it back to what had it before (the WAI-ARIA dialog
 * pattern). Looks through open shadow roots, so focus returns to the right element inside them.
 *
 * @example const restore = focusIn(dialog); … restore();
 */
export function focusIn(el: HTMLElement | null): () => void {
  let before = document.activeElement;
  while (before?.shadowRoot?.activeElement) before = before.shadowRoot.activeElement;
  el?.focus();
  return () => (before as HTMLElement | null)?.focus?.();
}
