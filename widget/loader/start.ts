import type { SurfacesModule } from '../runtime/host.ts';
import { setDebug } from '../runtime/log.ts';
import { watchNavigation } from '../runtime/navigation.ts';
import type { Config } from './config.ts';
import { createHerald, type HeraldApi } from './herald.ts';
import { drainQueue, type QueuedCall } from './stub.ts';

/** A running widget: its public API, and `subscribe` for those who follow its decisions (the React hook). */
export type Session = {
  api: HeraldApi;
  /** Calls `listener` after every new decide answer; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
};

/**
 * Starts the widget with these settings, the one way both the script tag (`boot`, settings from `data-*`)
 * and the npm package (`init`, settings as options) start it: the session, the page's queued calls
 * replayed in order, the decide for this page view and the navigation watcher. `load` brings the
 * surfaces (a URL beside the script, or the package's own lazy chunk).
 */
export function startHerald(
  config: Config,
  load: () => Promise<SurfacesModule>,
  queued: QueuedCall[] | undefined,
): Session {
  setDebug(config.debug);
  const herald = createHerald(config, load);
  drainQueue(queued, herald.api);
  herald.api.page();
  watchNavigation(herald.navigated);
  return { api: herald.api, subscribe: herald.subscribe };
}
