import { guard } from '../runtime/log.ts';

/**
 * The embed stub pages paste beside the loader's script tag (README, the admin's embed snippet, the demo
 * page): each method queues `[name, args]` in `Herald.q` until the widget loads and replays them; and, as
 * DESIGN asks, `isEnabled` answers false and `ready()` returns a promise (resolved on the widget's `ready`)
 * from the moment the snippet has run. ES5, so any page can paste it.
 */
export const EMBED_STUB = `!function(w){var h=w.Herald=w.Herald||{q:[]};["identify","track","page","reset","openFeed","on"].forEach(
  function(m){h[m]=h[m]||function(){h.q.push([m,[].slice.call(arguments)])}});h.isEnabled=h.isEnabled||
  function(){return!1};h.ready=h.ready||function(){return new Promise(function(r){h.on("ready",r)})}}(window);`;

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
