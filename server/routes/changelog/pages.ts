import { Hono } from 'hono';
import { every } from 'hono/combine';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { parseQuery } from '../../http/body.ts';
import { ApiError } from '../../http/errors.ts';
import { pageHeaders } from '../../http/security-headers.ts';
import { jsonFeed, rssFeed } from './feeds.ts';
import { changelogSite, loadChangelog } from './load.ts';
import { CHANGELOG_CSP, listPage, PAGE_SIZE, postPage } from './page-html.ts';
import { changelogCss } from './style.ts';

/**
 * Pages are read by anyone and by feed readers: cacheable briefly, and revalidated by ETag so an unchanged
 * changelog costs a 304. A minute keeps a completed release's post from waiting long behind a cache.
 */
const CACHE = 'public, max-age=60';

const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).loose();

/** GET /changelog/:slug (paged), /posts/:id, /style.css, /rss.xml, /feed.json: the site's public changelog. */
export function changelogPages(deps: RouteDeps) {
  const cached = every(etag(), async function cacheHeaders(c, next) {
    await next();
    c.header('Cache-Control', CACHE);
    c.header('Vary', 'Accept-Language');
    const html = c.res.headers.get('content-type')?.startsWith('text/html');
    for (const [name, value] of Object.entries(pageHeaders(CHANGELOG_CSP)))
      if (html || name === 'x-content-type-options') c.header(name, value);
  });
  return new Hono()
    .use('/:slug', cached)
    .use('/:slug/posts/:id', cached)
    .use('/:slug/style.css', cached)
    .use('/:slug/rss.xml', cached)
    .use('/:slug/feed.json', cached)
    .get('/:slug', async (c) => {
      const { page } = parseQuery(c, PageQuery);
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      if (page > 1 && (page - 1) * PAGE_SIZE >= log.posts.length)
        throw new ApiError(404, 'not_found', `the changelog has no page ${page}`);
      return c.html(listPage(log, page));
    })
    .get('/:slug/posts/:id', async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      const post = log.posts.find((p) => p.id === c.req.param('id'));
      if (post === undefined) throw new ApiError(404, 'not_found', 'no such public post');
      return c.html(postPage(log, post));
    })
    .get('/:slug/style.css', async (c) => {
      const site = await changelogSite(deps, c.req.param('slug'));
      return c.body(changelogCss(site.theme), 200, { 'Content-Type': 'text/css; charset=utf-8' });
    })
    .get('/:slug/rss.xml', async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      return c.body(await rssFeed(log), 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    })
    .get('/:slug/feed.json', async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      return c.body(await jsonFeed(log), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' });
    });
}
