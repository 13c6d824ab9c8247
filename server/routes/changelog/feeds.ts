import { Feed } from 'feed';
import { postBodyHtml } from './content-html.ts';
import type { Changelog } from './load.ts';
import { say } from './words.ts';

/** Items per feed: readers poll, so the newest few are enough. */
const FEED_SIZE = 20;

/**
 * The changelog as a `feed` library document. `updated` is the newest post's time, not the request's,
 * so an unchanged changelog gives the same bytes and so the same ETag.
 */
async function feedOf(log: Changelog): Promise<Feed> {
  const posts = log.posts.slice(0, FEED_SIZE);
  const feed = new Feed({
    title: say(log.words.changelog, { site: log.site.name }),
    description: say(log.words.whatsNew, { site: log.site.name }),
    id: log.url,
    link: log.url,
    language: log.lang,
    updated: new Date(posts[0]?.publicAt ?? log.site.createdAt),
    generator: 'Herald',
    feedLinks: { rss: `${log.url}/rss.xml`, json: `${log.url}/feed.json` },
    copyright: log.site.name,
  });
  for (const post of posts) {
    const link = `${log.url}/posts/${post.id}`;
    feed.addItem({
      title: post.content.title,
      id: link,
      guid: link,
      link,
      date: new Date(post.publicAt),
      published: new Date(post.publicAt),
      content: await postBodyHtml(post.content, log.base, 1),
    });
  }
  return feed;
}

/** RSS 2.0. */
export async function rssFeed(log: Changelog): Promise<string> {
  return (await feedOf(log)).rss2();
}

/**
 * JSON Feed 1.1. The `feed` library writes version 1; a 1.0 document without the fields 1.1 deprecated
 * (`author`, which we never set) is a valid 1.1 document once it says so, and 1.1 adds `language`.
 */
export async function jsonFeed(log: Changelog): Promise<string> {
  const doc = JSON.parse((await feedOf(log)).json1()) as Record<string, unknown>;
  return JSON.stringify({ ...doc, version: 'https://jsonfeed.org/version/1.1', language: log.lang });
}
