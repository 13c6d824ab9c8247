import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AssetSource } from '../deps.ts';
import { route, routeApp, text } from '../http/routes.ts';
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

/** A built file (script, stylesheet, image, page), compressed as the client accepts. */
const file = text('*/*', z.string(), 'The file');
/** `{file{.+}}`: the rest of the path, slashes included (Hono's pattern; the document shows `{file}`). */
const File = z.object({ file: z.string() });
const get = <const P extends string>(path: P, summary: string) =>
  route('get', path, summary, { tags: ['assets'], responses: { 200: file } });
const getFile = <const P extends string>(path: P, summary: string) =>
  route('get', path, summary, {
    tags: ['assets'],
    request: { params: File },
    responses: { 200: file },
  });
const redirect = <const P extends string>(path: P) =>
  route('get', path, `Redirects to ${path}/`, {
    tags: ['assets'],
    responses: { 302: { description: `To ${path}/` } },
  });

/**
 * A single-page app under `/<name>/`: files by path (hashed `assets/` ones immutable), and its page for
 * every client-side route (a path without a file extension).
 */
function spa(
  app: OpenAPIHono,
  assets: AssetSource,
  name: 'demo' | 'admin',
  pageHeaders: Record<string, string> = {},
) {
  const page = (c: Context) => serve(c, assets, `${name}/index.html`, 'no-cache', pageHeaders);
  app.openapi(redirect(`/${name}`), (c) => c.redirect(`/${name}/`));
  app.openapi(get(`/${name}/`, `The ${name} page`), page);
  app.openapi(
    getFile(`/${name}/{file{.+}}`, `A file of the ${name} page, or the page for a route of its own`),
    (c) => {
      const file = c.req.valid('param').file;
      if (!/\.[a-z0-9]+$/i.test(file)) return page(c);
      return serve(c, assets, `${name}/${file}`, file.startsWith('assets/') ? IMMUTABLE : SHORT);
    },
  );
}

/** The built widget (`/widget.js`, `/widget/*`), the demo product page (`/demo`) and the admin page (`/admin`). */
export function assetRoutes(assets: AssetSource) {
  const app = routeApp()
    .openapi(get('/widget.js', 'The widget’s loader'), (c) => serve(c, assets, 'widget/widget.js', SHORT))
    .openapi(getFile('/widget/{file{.+}}', 'A widget chunk (immutable: its name is its hash)'), (c) =>
      serve(c, assets, `widget/${c.req.valid('param').file}`, IMMUTABLE),
    );
  spa(app, assets, 'demo');
  spa(app, assets, 'admin', pageHeaders(ADMIN_CSP));
  return app;
}
