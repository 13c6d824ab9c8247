import { createApiClient } from '../runtime/api-client.ts';
import { createEventQueue } from '../runtime/event-queue.ts';
import type { SurfacesModule } from '../runtime/host.ts';
import { createLocalState } from '../runtime/local-state.ts';
import { guard, log, setDebug } from '../runtime/log.ts';
import { watchNavigation } from '../runtime/navigation.ts';
import { idbPersist } from '../runtime/persist.ts';
import { readConfig } from './config.ts';
import { createHerald } from './herald.ts';
import { drainQueue } from './stub.ts';

type Global = { Herald?: { q?: unknown; ready?: unknown } };

/**
 * Starts the widget in this page: reads the script tag, replaces the embed stub `window.Herald` with the
 * real API and replays its queued calls in order, asks decide for this page view, and wires navigation,
 * `pagehide`/`visibilitychange` (beacon flush) and `online` (retry now). `uiFile` is the surfaces chunk's
 * hashed name. Nothing it does can throw into the page.
 */
export function boot(uiFile: string): void {
  try {
    const global = window as unknown as Global;
    const config = readConfig(document);
    // No embed tag, or the widget is already running (the script was included twice).
    if (!config || typeof global.Herald?.ready === 'function') return;
    setDebug(config.debug);
    const api = createApiClient(config.api, config.site);
    const queue = createEventQueue(api, idbPersist(config.site));
    const herald = createHerald({
      config,
      api,
      queue,
      state: createLocalState(),
      load: () => import(/* @vite-ignore */ config.chunks + uiFile),
    });
    const stub = global.Herald;
    global.Herald = herald.api;
    drainQueue(stub?.q, herald.api);
    herald.api.page();
    watchNavigation(herald.navigated);
    const flush = guard(queue.beacon);
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    addEventListener('online', guard(queue.flush));
  } catch (e) {
    log(e);
  }
}
