import { every } from 'hono/combine';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { jsonText, route, routeApp, text } from '../../http/routes.ts';
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

/** A public changelog route answering `type`. */
const page = <const P extends string, const T extends string>(path: P, summary: string, type: T) =>
  route('get', path, summary, {
    tags: ['public'],
    responses: { 200: text(type, z.string(), summary) },
  });
const post = route('get', '/{slug}/posts/{id}', 'One post’s permalink', {
  tags: ['public'],
  responses: { 200: text('text/html', z.string(), 'The post’s page') },
});
/** The JSON Feed 1.1 document, as far as this API promises it (https://jsonfeed.org/version/1.1). */
const JsonFeed = z.looseObject({ version: z.string(), title: z.string(), items: z.array(z.looseObject({})) });
type JsonFeed = z.infer<typeof JsonFeed>;
const feedJson = route('get', '/{slug}/feed.json', 'The changelog as JSON Feed 1.1', {
  tags: ['public'],
  responses: {
    200: { description: 'JSON Feed', content: { 'application/feed+json': { schema: JsonFeed } } },
  },
});
const list = route('get', '/{slug}', 'The site’s public changelog (HTML, `?page=`, `?lang=`)', {
  tags: ['public'],
  request: { query: PageQuery },
  responses: { 200: text('text/html', z.string(), 'One page of posts') },
});

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
  const app = routeApp();
  for (const path of ['/:slug', '/:slug/posts/:id', '/:slug/style.css', '/:slug/rss.xml', '/:slug/feed.json'])
    app.use(path, cached);
  return app
    .openapi(list, async (c) => {
      const { page } = c.req.valid('query');
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      if (page > 1 && (page - 1) * PAGE_SIZE >= log.posts.length)
        throw new ApiError(404, 'not_found', `the changelog has no page ${page}`);
      return c.html(listPage(log, page));
    })
    .openapi(post, async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      const post = log.posts.find((p) => p.id === c.req.param('id'));
      if (post === undefined) throw new ApiError(404, 'not_found', 'no such public post');
      return c.html(postPage(log, post));
    })
    .openapi(
      page('/{slug}/style.css', 'The changelog’s stylesheet, in the site’s theme', 'text/css'),
      async (c) => {
        const site = await changelogSite(deps, c.req.param('slug'));
        return c.body(changelogCss(site.theme), 200, { 'Content-Type': 'text/css; charset=utf-8' });
      },
    )
    .openapi(page('/{slug}/rss.xml', 'The changelog as RSS 2.0', 'application/rss+xml'), async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      return c.body(await rssFeed(log), 200, { 'Content-Type': 'application/rss+xml; charset=utf-8' });
    })
    .openapi(feedJson, async (c) => {
      const log = await loadChangelog(deps, c, c.req.param('slug'));
      return jsonText<JsonFeed>(c, await jsonFeed(log), 'application/feed+json; charset=utf-8');
    });
}
