import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AssetSource } from '../deps.ts';

/** Hashed files never change, so browsers may keep them for a year; entry points must stay fresh. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

async function serve(c: Context, assets: AssetSource, path: string, cache: string): Promise<Response> {
  const asset = await assets(path, c.req.header('accept-encoding') ?? '');
  if (asset === null) return c.json({ error: { code: 'not_found', message: `no such file: ${path}` } }, 404);
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    'cache-control': cache,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  };
  if (asset.encoding) headers['content-encoding'] = asset.encoding;
  // The widget is loaded cross-origin by product pages (and by `import()` in CORS mode).
  if (path.startsWith('widget/')) headers['access-control-allow-origin'] = '*';
  return new Response(asset.body as BodyInit, { status: 200, headers });
}

/** The built widget (`/widget.js`, `/widget/*`), the demo product page (`/demo`) and, later, the admin page. */
export function assetRoutes(assets: AssetSource) {
  return new Hono()
    .get('/widget.js', (c) => serve(c, assets, 'widget/widget.js', SHORT))
    .get('/widget/:file{.+}', (c) => serve(c, assets, `widget/${c.req.param('file')}`, IMMUTABLE))
    .get('/demo', (c) => c.redirect('/demo/'))
    .get('/demo/', (c) => serve(c, assets, 'demo/index.html', 'no-cache'))
    .get('/demo/:file{.+}', (c) => {
      const file = c.req.param('file');
      // Client-side routes of the demo app (no file extension) all get its page.
      return /\.[a-z0-9]+$/i.test(file)
        ? serve(c, assets, `demo/${file}`, SHORT)
        : serve(c, assets, 'demo/index.html', 'no-cache');
    });
}
