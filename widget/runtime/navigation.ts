import { guard } from './log.ts';

/**
 * Calls `onChange` after client-side navigations: single-page apps change the URL with
 * `history.pushState`/`replaceState`, which fire no event, so they are wrapped (the original runs first,
 * and the wrapper never throws), and `popstate`. `onChange` should be cheap; the widget debounces the
 * decide request it leads to.
 */
export function watchNavigation(onChange: () => void): void {
  const changed = guard(onChange);
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
