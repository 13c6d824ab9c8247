import { computed, signal } from '@preact/signals';
import type { Trends } from '../../server/schema/insights.ts';
import type { Message, MessageStatus } from '../../server/schema/message.ts';
import type { Release } from '../../server/schema/release.ts';
import type { HeraldApi } from '../api/herald-api.ts';
import { createPoller } from '../app/poller.ts';
import { loadInto } from '../forms/form-errors.ts';

/**
 * A site's messages with their 14-day impression trends and the releases they follow, refreshed every
 * few seconds while the page is visible, filtered by status.
 *
 * @example const list = createMessageList(api, 'site_1'); list.start(); … list.stop();
 */
export function createMessageList(api: HeraldApi, siteId: string) {
  const messages = signal<Message[] | null>(null);
  const trends = signal<Trends | null>(null);
  /** The site's releases, to show which one each message follows. */
  const releases = signal<Release[]>([]);
  const status = signal<MessageStatus | 'all'>('all');
  const error = signal<string | null>(null);

  async function refresh() {
    await loadInto(messages, () => api.messages.list(siteId), error);
    const [t, r] = await Promise.allSettled([api.results.trends(siteId, 14), api.releases.list(siteId)]);
    // Trends and release names are niceties: the list stands without them.
    if (t.status === 'fulfilled') trends.value = t.value;
    if (r.status === 'fulfilled') releases.value = r.value;
  }
  const poller = createPoller(refresh, 5000);

  return {
    messages,
    trends,
    releases,
    status,
    error,
    shown: computed(() => {
      const all = messages.value ?? [];
      const by = status.value;
      const list =
        by === 'all' ? all.filter((m) => m.status !== 'archived') : all.filter((m) => m.status === by);
      return [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    }),
    refresh,
    start: poller.start,
    stop: poller.stop,
  };
}
