import { createStore, delMany, setMany, values } from 'idb-keyval';
import type { Event } from '../../server/schema/events.ts';
import type { Persist } from './event-queue.ts';
import { log } from './log.ts';

/**
 * The event queue's storage: IndexedDB through idb-keyval, one record per event id so that tabs never
 * overwrite each other's events. Where IndexedDB is missing or blocked every call resolves anyway and the
 * queue simply lives in memory for this page view.
 */
export function idbPersist(site: string): Persist {
  // One database per site, so events are only ever sent under the site they were made on.
  const store = createStore(`herald:${site}`, 'events');
  const run = <T>(fn: () => Promise<T>, fallback: T) =>
    Promise.resolve()
      .then(fn)
      .catch((e) => {
        log('storage', e);
        return fallback;
      });
  return {
    load: () => run(() => values<Event>(store), []),
    save: (events) => run(() => setMany(events.map((e) => [e.id, e]), store), undefined),
    remove: (ids) => run(() => delMany(ids, store), undefined),
  };
}
