import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AssetSource } from '../deps.ts';
import { ADMIN_CSP, pageHeaders } from '../http/security-headers.ts';

/** Hashed files never change, so browsers may keep them for a year; entry points must stay fresh. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

async function serve(
  c: Context,
  assets: AssetSource,
  path: string,
  cache: string,
  extra: Record<string, string> = {},
) {
  const asset = await assets(path, c.req.header('accept-encoding') ?? '');
  if (asset === null) return c.json({ error: { code: 'not_found', message: `no such file: ${path}` } }, 404);
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    'cache-control': cache,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...extra,
  };
  if (asset.encoding) headers['content-encoding'] = asset.encoding;
  // The widget is loaded cross-origin by product pages (and by `import()` in CORS mode).
  if (path.startsWith('widget/')) headers['access-control-allow-origin'] = '*';
  // `encodeBody: 'manual'`: on Workers the body is already the encoding named (the build's `.br`), not
  // bytes to compress again; Node ignores the field.
  const init = { status: 200, headers, encodeBody: 'manual' } as ResponseInit;
  return new Response(asset.body as BodyInit, init);
}

/**
 * A single-page app under `/<name>/`: files by path (hashed `assets/` ones immutable), and its page for
 * every client-side route (a path without a file extension).
 */
function spa(
  app: Hono,
  assets: AssetSource,
  name: 'demo' | 'admin',
  pageHeaders: Record<string, string> = {},
) {
  const page = (c: Context) => serve(c, assets, `${name}/index.html`, 'no-cache', pageHeaders);
  app.get(`/${name}`, (c) => c.redirect(`/${name}/`));
  app.get(`/${name}/`, page);
  app.get(`/${name}/:file{.+}`, (c) => {
    const file = c.req.param('file');
    if (!/\.[a-z0-9]+$/i.test(file)) return page(c);
    return serve(c, assets, `${name}/${file}`, file.startsWith('assets/') ? IMMUTABLE : SHORT);
  });
}

/** The built widget (`/widget.js`, `/widget/*`), the demo product page (`/demo`) and the admin page (`/admin`). */
export function assetRoutes(assets: AssetSource) {
  const app = new Hono()
    .get('/widget.js', (c) => serve(c, assets, 'widget/widget.js', SHORT))
    .get('/widget/:file{.+}', (c) => serve(c, assets, `widget/${c.req.param('file')}`, IMMUTABLE));
  spa(app, assets, 'demo');
  spa(app, assets, 'admin', pageHeaders(ADMIN_CSP));
  return app;
}
