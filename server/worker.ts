import { type EdgeEnv, type EdgeHerald, edgeHerald, type WaitUntil } from './edge/edge-herald.ts';

let herald: EdgeHerald | undefined;

/** This isolate's Herald, built on its first request (the bindings arrive with it; a failed set-up is retried by `ready`). */
function heraldFor(env: EdgeEnv): EdgeHerald {
  herald ??= edgeHerald(env);
  return herald;
}

/**
 * Herald on Cloudflare Workers: the same app as `npm start`, on D1 (see `server/edge/`). The cron trigger
 * runs the timed work that `main.ts` runs on one-minute timers: time-based gates, digests and webhook
 * retries.
 */
export default {
  fetch(request: Request, env: EdgeEnv, ctx: WaitUntil): Promise<Response> {
    return heraldFor(env).handle(request, ctx);
  },

  async scheduled(_controller: unknown, env: EdgeEnv, ctx: WaitUntil): Promise<void> {
    const h = heraldFor(env);
    await h.ready();
    await h.changes.refresh();
    ctx.waitUntil(
      Promise.all([h.app.rollout.checkAll(), h.app.digests.runDue(), h.background()]).catch((err) =>
        console.error('[herald] scheduled run failed', err),
      ),
    );
  },
};
