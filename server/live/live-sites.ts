import { type CompiledSite, compileSite } from '../core/compile/compile-site.ts';
import type { Message } from '../schema/message.ts';
import type { Release } from '../schema/release.ts';
import type { Site } from '../schema/site.ts';
import type { Store } from '../store/store.ts';

/**
 * What decide needs about a site, kept in memory so a decide costs one user-state lookup: the rows (their
 * audiences with the saved segments they refer to written in), and the site compiled for decide once per
 * change (DESIGN: "Decide is compiled, not interpreted").
 */
export type LiveSite = { site: Site; messages: Message[]; releases: Release[]; compiled: CompiledSite };

/**
 * An in-memory cache of each site's live messages and releases, refreshed on change (a segment's edit is
 * one: its route invalidates the site, which compiles it again).
 * Concurrent misses for one site share a single load (with `shareLoads: false`, for Workers, each does its
 * own and the first to finish is kept). Admin routes call `invalidate` after every write; with several
 * instances, PostgreSQL LISTEN/NOTIFY calls it on the others.
 *
 * @example const live = liveSites(store); const entry = await live.get('pk_demo');
 */
export function liveSites(store: Store, options: { shareLoads?: boolean } = {}) {
  const shareLoads = options.shareLoads ?? true;
  const byKey = new Map<string, Promise<LiveSite | null>>();
  const loaded = new Map<string, LiveSite>();
  const keyOfSite = new Map<string, string>();
  const listeners: ((siteId: string) => void)[] = [];
  // Counts the changes this instance has applied (here or heard from others): `/metrics` shows it, so an
  // operator sees instances converge on the same version after an edit.
  let version = 0;

  function drop(siteId: string): void {
    version++;
    const key = keyOfSite.get(siteId);
    if (key === undefined) return;
    byKey.delete(key);
    loaded.delete(key);
  }

  /** A load of this request's own, kept unless the site changed while it ran. */
  async function loadOwn(publicKey: string): Promise<LiveSite | null> {
    const hit = loaded.get(publicKey);
    if (hit !== undefined) return hit;
    const before = version;
    const entry = await load(publicKey);
    if (entry !== null && version === before) loaded.set(publicKey, entry);
    return entry;
  }

  async function load(publicKey: string): Promise<LiveSite | null> {
    const site = await store.getSiteByPublicKey(publicKey);
    if (site === null) return null;
    keyOfSite.set(site.id, publicKey);
    const [messages, releases, segments] = await Promise.all([
      store.liveMessages(site.id),
      store.listReleases(site.id),
      store.listSegments(site.id),
    ]);
    const compiled = compileSite({
      messages,
      releases,
      segments,
      attention: site.attention,
      siteLocale: site.defaultLocale,
    });
    // What the feed and the changelog read too: audiences with their segments written in.
    return { site, messages: compiled.sources, releases: compiled.releases, compiled };
  }

  return {
    /** The live view of a site by its public key, or null for an unknown key (not cached, so a new site appears at once). */
    get(publicKey: string): Promise<LiveSite | null> {
      if (!shareLoads) return loadOwn(publicKey);
      let entry = byKey.get(publicKey);
      if (entry === undefined) {
        entry = load(publicKey);
        byKey.set(publicKey, entry);
        entry.then(
          (v) => v === null && byKey.delete(publicKey),
          () => byKey.delete(publicKey),
        );
      }
      return entry;
    },
    /** Drops a site's cached view after its site, messages or releases changed here, and tells other instances. */
    invalidate(siteId: string): void {
      drop(siteId);
      for (const listener of listeners) listener(siteId);
    },
    /** Drops a site's cached view because another instance changed it (not announced again). */
    dropLocal: drop,
    /** Calls `listener` after every local change, e.g. to NOTIFY other instances. */
    onInvalidate(listener: (siteId: string) => void): void {
      listeners.push(listener);
    },
    /** Drops everything: used when the change cannot be attributed to one site. */
    clear(): void {
      version++;
      byKey.clear();
      loaded.clear();
    },
    /** How many changes this cache has applied since start. */
    version: () => version,
  };
}

export type LiveSites = ReturnType<typeof liveSites>;
