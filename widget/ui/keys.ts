/**
 * A keydown handler that runs `close` on Escape. It stops the event there, so the host page's own
 * Escape handlers (its menus, its dialogs) do not also fire for a key meant for the widget.
 *
 * @example <div onKeyDown={onEscape(() => actions.dismiss(message.id))}>
 */
export function onEscape(close: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  };
}
