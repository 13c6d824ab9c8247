import { guard } from '../runtime/log.ts';

/** A call the page made before the widget loaded, as the embed stub records it: `[name, args]`. */
export type QueuedCall = [name: string, args: unknown[]];

/**
 * Replays the stub's queued calls on the real API, in the order the page made them. A malformed entry
 * or an unknown name is skipped: a page's typo must not stop the rest.
 */
export function drainQueue(queue: QueuedCall[] | undefined, api: object): void {
  for (const call of queue ?? []) {
    guard(() => (api as Record<string, (...a: unknown[]) => void>)[call[0]]?.(...call[1]))();
  }
}
