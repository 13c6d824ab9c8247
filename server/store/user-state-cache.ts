import { LRUCache } from 'lru-cache';
import { changesState } from '../core/user-state.ts';
import type { UserState } from '../schema/history.ts';
import type { Store } from './store.ts';

/** Announces and hears "these users' states changed" across instances sharing one database. */
export type UserChangeFeed = {
  publishUsers(siteId: string, userKeys: string[]): void;
  /** `siteId` `'*'` means "anything may have changed" (e.g. after a lost connection). */
  subscribeUsers(listener: (siteId: string, userKeys: string[]) => void): void;
};

const SEP = '\u0000';

/**
 * A store whose `getUserState` answers from a bounded in-memory LRU of recent user states, so a returning
 * user's decide reads nothing from the database. Every write that changes a user's state through this store
 * (traits, exposures, events, deleting users) drops that user's entries once it has committed, and tells
 * other instances through `feed`, which drop theirs. A read in flight is cached as its promise, so a write
 * that commits meanwhile drops it too and the next read sees the write.
 *
 * Cached states are shared between requests: callers read them and never change them.
 *
 * @example const store = cachedUserStates(await openStore(url), { max: 100_000, feed: changes })
 */
export function cachedUserStates(store: Store, options: { max: number; feed?: UserChangeFeed }): Store {
  /** Cache keys that hold each user (`site␀user`): an entry is the merge of one or more user keys. */
  const holders = new Map<string, Set<string>>();
  const cache = new LRUCache<string, Promise<UserState | null>>({
    max: options.max,
    dispose: (_value, cacheKey) => {
      const [siteId = '', ...userKeys] = cacheKey.split(SEP);
      for (const user of userKeys) {
        const set = holders.get(siteId + SEP + user);
        set?.delete(cacheKey);
        if (set?.size === 0) holders.delete(siteId + SEP + user);
      }
    },
  });

  function drop(siteId: string, userKeys: Iterable<string>): void {
    for (const user of userKeys) {
      const set = holders.get(siteId + SEP + user);
      if (set !== undefined) for (const cacheKey of [...set]) cache.delete(cacheKey);
    }
  }

  function changed(siteId: string, userKeys: string[]): void {
    drop(siteId, userKeys);
    options.feed?.publishUsers(siteId, userKeys);
  }

  options.feed?.subscribeUsers((siteId, userKeys) =>
    siteId === '*' ? cache.clear() : drop(siteId, userKeys),
  );

  const cached: Partial<Store> = {
    getUserState(siteId, userKeys) {
      if (userKeys.length === 0) return Promise.resolve(null);
      const cacheKey = [siteId, ...userKeys].join(SEP);
      let entry = cache.get(cacheKey);
      if (entry === undefined) {
        entry = store.getUserState(siteId, userKeys);
        cache.set(cacheKey, entry);
        for (const user of userKeys) {
          const holder = siteId + SEP + user;
          const set = holders.get(holder) ?? new Set<string>();
          set.add(cacheKey);
          holders.set(holder, set);
        }
        entry.catch(() => cache.delete(cacheKey));
      }
      return entry;
    },
    async saveTraits(siteId, userKey, traits, at) {
      try {
        await store.saveTraits(siteId, userKey, traits, at);
      } finally {
        changed(siteId, [userKey]);
      }
    },
    async recordExposures(siteId, userKey, exposures, at) {
      if (exposures.length === 0) return;
      try {
        await store.recordExposures(siteId, userKey, exposures, at);
      } finally {
        changed(siteId, [userKey]);
      }
    },
    async insertEvents(events) {
      try {
        return await store.insertEvents(events);
      } finally {
        // Only users whose state the events change: a goal leaves it as it was (`changesState`).
        const bySite = new Map<string, Set<string>>();
        for (const e of events.filter(changesState))
          bySite.set(e.siteId, (bySite.get(e.siteId) ?? new Set()).add(e.userKey));
        for (const [siteId, users] of bySite) changed(siteId, [...users]);
      }
    },
    async recordUsers(siteId, users) {
      try {
        await store.recordUsers(siteId, users);
      } finally {
        changed(
          siteId,
          users.map((u) => u.key),
        );
      }
    },
    async deleteUsersByPrefix(siteId, prefix) {
      try {
        return await store.deleteUsersByPrefix(siteId, prefix);
      } finally {
        // Rare (the demo's simulated users): start over rather than track prefixes.
        cache.clear();
        options.feed?.publishUsers('*', []);
      }
    },
  };
  return Object.assign(Object.create(store) as Store, cached);
}
