import { changelogUrl } from '../../changelog/posts.ts';
import { feedFor } from '../../core/feed.ts';
import { emptyUserState } from '../../core/history.ts';
import type { RouteDeps } from '../../deps.ts';
import { receiptSigner } from '../../http/receipts.ts';
import { json, routeApp } from '../../http/routes.ts';
import { FeedResponse } from '../../schema/feed.ts';
import { publicCaller, widgetRoute } from './site-context.ts';

const feed = widgetRoute('The changelog feed this user may see, with unread count', {
  200: json(FeedResponse, 'The posts, newest first, and how many are unread'),
});

/** POST /v1/feed: the changelog this user may read, newest first, with the unread count. */
export function feedRoutes(deps: RouteDeps) {
  return routeApp().openapi(feed, async (c) => {
    const { req, live, now, user, known } = await publicCaller(deps, c);
    const state = known ?? emptyUserState();
    const feed = feedFor({
      messages: live.messages,
      releases: live.releases,
      siteLocale: live.site.defaultLocale,
      user: { key: user.key, traits: { ...state.traits, ...user.traits } },
      state,
      locale: req.context.locale,
      now,
    });
    // A post's impression and reaction count only with its receipt, as a decided message's.
    const sign = receiptSigner(live.site, user, now);
    const posts = feed.posts.map((p) => ({ ...p, receipt: sign(p.id) }));
    const slug = live.site.changelogSlug;
    const digest = deps.mailer !== undefined && live.site.digest.every !== 'off';
    const body: FeedResponse =
      slug === null
        ? { ...feed, posts }
        : {
            ...feed,
            posts,
            subscribeUrl: `${changelogUrl(deps.publicUrl, slug)}${digest ? '#subscribe' : ''}`,
          };
    return c.json(body, 200);
  });
}
