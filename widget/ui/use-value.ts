import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';

/**
 * Reads a signal and re-renders the component when it changes (not for function-valued signals).
 *
 * Why not `@preact/signals`' automatic tracking: it costs about 1.2 KB gzip on top of
 * `@preact/signals-core`, and the widget's budget is 14 KB for everything. `subscribe` calls back at once
 * with the current value and the state setter ignores an unchanged value, so this re-renders only when the
 * signal moved, including between render and effect.
 *
 * @example const message = useValue(view.current);
 */
export function useValue<T>(signal: ReadonlySignal<T>): T {
  const [, set] = useState(signal.value);
  useEffect(() => signal.subscribe(set), [signal]);
  return signal.value;
}
