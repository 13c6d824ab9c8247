import { guard } from '../runtime/log.ts';
import { readConfig } from './config.ts';
import { startHerald } from './start.ts';
import type { QueuedCall } from './stub.ts';

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
  const start = guard(() => {
    const stub = global.Herald;
    // Already running: the script was included twice. (The stub has `ready` too, but also its queue.)
    if (stub?.ready && !stub.q) return;
    global.Herald = startHerald(config, () => import(/* @vite-ignore */ config.chunks + uiFile), stub?.q).api;
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start);
  else start();
});
