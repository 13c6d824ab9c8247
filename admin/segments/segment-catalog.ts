import { type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { SegmentListed } from '../../server/schema/segment.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { useAdmin } from '../app/context.ts';
import type { SegmentChoice } from '../audience/segment-item.tsx';
import { loadInto } from '../forms/form-errors.ts';

/**
 * The saved segments of each site, loaded once and shared: the Segments page lists and edits them, and
 * every audience editor (messages, release phases) offers them by name. A write refreshes its site's list.
 *
 * @example const catalog = createSegmentCatalog(api); await catalog.load('site_1'); catalog.of('site_1').value
 */
export function createSegmentCatalog(api: HeraldApi) {
  const bySite = new Map<string, Signal<SegmentListed[] | null>>();
  const problems = new Map<string, Signal<string | null>>();
  const slot = <T>(map: Map<string, Signal<T>>, siteId: string, empty: T): Signal<T> => {
    const had = map.get(siteId);
    if (had) return had;
    const made = signal(empty);
    map.set(siteId, made);
    return made;
  };
  const refresh = async (siteId: string) => {
    await loadInto(slot(bySite, siteId, null), () => api.segments.list(siteId), slot(problems, siteId, null));
  };
  return {
    /** The site's segments, null until they are loaded. */
    of: (siteId: string): ReadonlySignal<SegmentListed[] | null> => slot(bySite, siteId, null),
    /** Why the site's segments could not be loaded, or null. */
    problemOf: (siteId: string): ReadonlySignal<string | null> => slot(problems, siteId, null),
    /** Loads the site's segments unless they are loaded already. */
    async load(siteId: string) {
      if (slot(bySite, siteId, null).value === null) await refresh(siteId);
    },
    /** Loads them again (after a segment was saved or deleted). */
    refresh,
  };
}

export type SegmentCatalog = ReturnType<typeof createSegmentCatalog>;

/** The site's segments as an audience editor offers them, by name (none while loading or without a site). */
export function useSegmentChoices(siteId: string | null): readonly SegmentChoice[] {
  const { segments } = useAdmin();
  useEffect(() => {
    if (siteId) void segments.load(siteId);
  }, [siteId]);
  return (siteId ? segments.of(siteId).value : null) ?? [];
}
