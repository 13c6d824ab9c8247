import { signal } from '@preact/signals-core';
import type { DecideResponse } from '../../server/schema/decide.ts';
import type { FeedPost } from '../../server/schema/feed.ts';
import type { WidgetActions, WidgetView } from '../model/view.ts';
import type { EventInput, Host } from './host.ts';

type FeedActions = Pick<WidgetActions, 'openFeed' | 'closeFeed' | 'feedSeen' | 'react'>;

/**
 * The changelog feed's state: the launcher and its unread badge come with every decide answer; the posts
 * are fetched the first time the feed opens, and reading them records impressions (through `record`).
 */
export function createFeedModel(
  host: Host,
  record: (event: EventInput) => void,
): {
  feed: WidgetView['feed'];
  actions: FeedActions;
  sync(decision: DecideResponse): void;
} {
  const launcher = signal(false);
  const open = signal(false);
  const loading = signal(false);
  const posts = signal<FeedPost[]>([]);
  const unread = signal(0);
  const follow = signal<string | undefined>(undefined);
  let loaded = false;

  return {
    feed: { launcher, open, loading, posts, unread, follow },
    sync(decision) {
      launcher.value = host.config.launcher && decision.feedUnread !== undefined;
      // Once posts are loaded the local count is fresher than the server's (impressions may be in flight).
      if (!loaded) unread.value = decision.feedUnread ?? 0;
    },
    actions: {
      openFeed() {
        open.value = true;
        if (loaded || loading.value) return;
        loading.value = true;
        host
          .feed()
          .then((res) => {
            loaded = true;
            posts.value = res.posts;
            unread.value = res.unread;
            follow.value = res.subscribeUrl;
          })
          .catch(host.log)
          .finally(() => {
            loading.value = false;
          });
      },
      closeFeed() {
        open.value = false;
      },
      feedSeen(ids) {
        const fresh = posts.value.filter((p) => !p.read && ids.includes(p.id));
        if (!fresh.length) return;
        for (const p of fresh) record({ type: 'impression', messageId: p.id });
        posts.value = posts.value.map((p) => (fresh.includes(p) ? { ...p, read: true } : p));
        unread.value = Math.max(0, unread.value - fresh.length);
      },
      react(postId, emoji) {
        record({ type: 'response', messageId: postId, text: emoji });
      },
    },
  };
}
