/**
 * A keydown handler that runs `close` on Escape. It stops the event there, so the host page's own
 * Escape handlers (its menus, its dialogs) do not also fire for a key meant for the widget.
 *
 * @example <div onKeyDown={onEscape(() => a.dismiss(m.id))}>
 */
export function onEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
}

const TABBABLE = 'a[href],button:not([tabindex="-1"]),textarea,input,select,[tabindex="0"]';

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
