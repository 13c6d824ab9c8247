import { guard } from './log.ts';

/**
 * Calls `onChange` after client-side navigations: single-page apps change the URL with
 * `history.pushState`/`replaceState` (which fire no event, so they are wrapped) and `popstate`.
 * Bursts are debounced into one call. The wrappers call the originals first and never throw.
 */
export function watchNavigation(onChange: () => void, debounceMs = 50): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = guard(() => {
    clearTimeout(timer);
    timer = setTimeout(guard(onChange), debounceMs);
  });
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      changed();
      return result;
    };
  }
  addEventListener('popstate', changed);
}
