/** A call the page made before the widget loaded, as the embed stub records it: `[name, args]`. */
export type QueuedCall = [name: string, args: unknown[]];

/**
 * Replays the stub's queued calls on the real API, in the order the page made them. Unknown names and
 * malformed entries are skipped: a page's typo must not stop the rest.
 */
export function drainQueue(queue: unknown, api: object): void {
  if (!Array.isArray(queue)) return;
  for (const call of queue as QueuedCall[]) {
    const fn = Array.isArray(call) ? (api as Record<string, unknown>)[call[0]] : undefined;
    if (typeof fn === 'function') fn(...(Array.isArray(call[1]) ? call[1] : []));
  }
}
