import { guard, setDebug } from '../runtime/log.ts';
import { watchNavigation } from '../runtime/navigation.ts';
import { readConfig } from './config.ts';
import { createHerald } from './herald.ts';
import { drainQueue, type QueuedCall } from './stub.ts';

type Global = { Herald?: { q?: QueuedCall[]; ready?: unknown } };

/**
 * Starts the widget in this page: reads the script tag at once (`document.currentScript` exists only now),
 * then, once the document is parsed, replaces the embed stub `window.Herald` with the real API, replays
 * its queued calls in order, asks decide for this page view and watches client-side navigation. Waiting
 * for the parse lets the stub collect `identify` calls from deferred and module scripts (where apps
 * usually make them), so the first decide is for the right user. `uiFile` is the surfaces chunk's hashed
 * name. Nothing here can throw into the page.
 */
export const boot = guard((uiFile: string): void => {
  const global = window as unknown as Global;
  const config = readConfig(document);
  if (!config) return;
  setDebug(config.debug);
  const start = guard(() => {
    // Already running: the script was included twice.
    if (global.Herald?.ready) return;
    const herald = createHerald(config, () => import(/* @vite-ignore */ config.chunks + uiFile));
    const stub = global.Herald;
    global.Herald = herald.api;
    drainQueue(stub?.q, herald.api);
    herald.api.page();
    watchNavigation(herald.navigated);
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start);
  else start();
});
