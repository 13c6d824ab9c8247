import { createStore, promisifyRequest } from 'idb-keyval';
import type { Event } from '../../server/schema/events.ts';
import type { Persist } from './event-queue.ts';
import { log } from './log.ts';

/**
 * The event queue's storage: IndexedDB through idb-keyval's store, one record per event id so that tabs
 * never overwrite each other's events (the store is used directly: `getAll`, and one transaction per
 * write). Where IndexedDB is missing or blocked the calls fail quietly and the queue lives in memory.
 */
export function idbPersist(site: string): Persist {
  // One database per site, so events are only ever sent under the site they were made on.
  const store = createStore(`herald:${site}`, 'events');
  const run = (mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest | undefined) =>
    // In an executor, so that even a synchronous throw (no `indexedDB` at all) becomes a rejection.
    new Promise((resolve) => resolve(store(mode, (s) => promisifyRequest(fn(s) ?? s.transaction)))).catch(
      log,
    );
  return {
    load: () => run('readonly', (s) => s.getAll()) as Promise<Event[] | undefined>,
    save: (events) => run('readwrite', (s) => void events.map((e) => s.put(e, e.id))),
    remove: (ids) => run('readwrite', (s) => void ids.map((id) => s.delete(id))),
  };
}
