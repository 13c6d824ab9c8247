import type { IdentityVerification } from '../../server/schema/site.ts';
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

/**
 * The tags a product page adds (DESIGN, Widget): the loader with the site's public key and the stub that
 * queues calls until it loads, then `identify`; with identity verification on, `identify` passes the
 * token the product's backend signs with the site secret. The admin's site settings and `/docs` show it.
 *
 * @example embedSnippet('https://herald.example.com', 'pk_1', 'off')
 */
export function embedSnippet(origin: string, publicKey: string, identity: IdentityVerification): string {
  const token = identity === 'off' ? '' : ', { token: "<JWT from your backend>" }';
  return `<script async src="${origin}/widget.js" data-site="${publicKey}"></script>
<script>
${EMBED_STUB}
Herald.identify("USER_ID", { plan: "pro" }${token});
</script>`;
}

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
