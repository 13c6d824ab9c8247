import type { Readable } from '../model/view.ts';

/** A signal the runtime can set. */
export type Signal<T> = Readable<T> & { value: T };

/** Subscribers to call when the outermost `batch` ends, one call each, with its signal's latest value. */
const pending = new Map<(value: never) => void, () => void>();
let batching = 0;

/**
 * A value that tells its subscribers when it changes: the part of `@preact/signals-core` the widget uses,
 * with the same behaviour there (`subscribe` calls at once with the current value; setting an equal
 * value tells no one). Why not the library itself: its dependency tracking, computed values and effects
 * weigh 1.5 KB gzip on every page that shows a message, and the widget uses none of them — the surfaces
 * re-render from the root when any signal changes (`mountUi`). `@preact/signals` signals fit `Readable`
 * too, so the admin's preview passes its own.
 *
 * @example const open = signal(false); open.subscribe(draw); open.value = true; // draw(true)
 */
export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const subscribers = new Set<(value: T) => void>();
  return {
    get value() {
      return value;
    },
    set value(next) {
      if (next === value) return;
      value = next;
      for (const fn of [...subscribers]) {
        if (batching) pending.set(fn, () => fn(value));
        else fn(value);
      }
    },
    subscribe(fn) {
      subscribers.add(fn);
      fn(value);
      return () => subscribers.delete(fn);
    },
  };
}

/**
 * Runs `fn`, holding back subscriber calls until it returns: several signals set together notify once
 * per subscriber, so the surfaces render once.
 */
export function batch(fn: () => void): void {
  batching++;
  try {
    fn();
  } finally {
    if (!--batching) {
      const calls = [...pending.values()];
      pending.clear();
      for (const call of calls) call();
    }
  }
}
