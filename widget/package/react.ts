import { useSyncExternalStore } from 'react';
import { isEnabled, subscribe } from './index.ts';

/**
 * Whether a release is on for the current user, kept current: the component re-renders when a new
 * decision changes it (after `identify`, a navigation, `reset`). False until the first decision, and on
 * the server.
 *
 * @example
 * import { useRelease } from 'herald-widget/react';
 * function ReserveButton() { return useRelease('reserve-ahead') ? <button>Reserve ahead</button> : null; }
 */
export function useRelease(releaseKey: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => isEnabled(releaseKey),
    () => false,
  );
}
