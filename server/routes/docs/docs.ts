import { html } from 'hono/html';
import { z } from 'zod';
import { json, route, routeApp, text } from '../../http/routes.ts';
import { DOCS_CSP, pageHeaders } from '../../http/security-headers.ts';
import { COPY_SCRIPT } from './copy-script.ts';
import type { OpenApiDocument } from './openapi.ts';
import { widgetGuide } from './widget-guide.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem}section{border:1px solid #e5e7eb;border-radius:10px;margin:.8rem 0;padding:.6rem 1rem}
code{font:13px ui-monospace,monospace}.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
details pre{background:#f9fafb;padding:.6rem;overflow:auto;max-height:24rem}
#widget{border:0;padding:0}h3 code{font-size:1rem}.guide{border-color:#c7d2fe}.example{display:flex;gap:.5rem;align-items:flex-start}
.example pre{flex:1;min-width:0;margin:0;background:#f9fafb;padding:.6rem;overflow:auto;white-space:pre}
.copy{font:inherit;padding:.3rem .8rem;border:1px solid #4338ca;border-radius:6px;background:#eef2ff;color:#312e81;cursor:pointer}
.copy:focus-visible{outline:3px solid #4338ca;outline-offset:2px}
.status{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

function sections(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Record<string, { summary?: string; description?: string } | undefined>)[method];
      if (!op) return [];
      return html`<section>
        <h3><span class="m">${method}</span> <code>${path}</code></h3>
        <p>${op.summary ?? ''}${op.description ? html` — ${op.description}` : ''}</p>
        <details><summary>Request and response schemas</summary><pre>${JSON.stringify(op, null, 2)}</pre></details>
      </section>`;
    }),
  );
}

const openApiJson = route(
  'get',
  '/openapi.json',
  'This document: every route with its request and response schemas (OpenAPI 3.0)',
  {
    tags: ['public'],
    responses: { 200: json(z.looseObject({ openapi: z.string() }), 'The OpenAPI document') },
  },
);
const docsCss = route('get', '/docs.css', 'The stylesheet of /docs', {
  tags: ['public'],
  responses: { 200: text('text/css', z.string(), 'CSS') },
});
const docsScript = route('get', '/docs.js', 'The script of /docs: its copy buttons', {
  tags: ['public'],
  responses: { 200: text('text/javascript', z.string(), 'JavaScript') },
});
const docsPage = route('get', '/docs', 'The API reference as an HTML page: the widget and every route', {
  tags: ['public'],
  responses: { 200: text('text/html', z.string(), 'HTML') },
});

/**
 * GET /openapi.json and GET /docs: the API reference. The widget's half is written by hand
 * (`widget-guide.ts`, with `origin` in its snippet); the routes are generated from their declarations
 * (`document` is asked once, after every route is mounted). The stylesheet and the copy buttons' script are
 * files of their own (/docs.css, /docs.js), so the CSP needs no 'unsafe-inline'.
 */
export function docsRoutes(document: () => OpenApiDocument, origin: string) {
  let doc: OpenApiDocument | undefined;
  const docOnce = () => {
    doc ??= document();
    return doc;
  };
  return routeApp()
    .openapi(openApiJson, (c) => c.json(docOnce(), 200, { 'x-content-type-options': 'nosniff' }))
    .openapi(docsCss, (c) =>
      c.body(STYLE, 200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      }),
    )
    .openapi(docsScript, (c) =>
      c.body(COPY_SCRIPT, 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      }),
    )
    .openapi(docsPage, (c) => {
      for (const [name, value] of Object.entries(pageHeaders(DOCS_CSP))) c.header(name, value);
      return c.html(html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Herald API</title>
            <link rel="stylesheet" href="/docs.css" />
            <script src="/docs.js" defer></script>
          </head>
          <body>
            <main>
              <h1>Herald API</h1>
              <nav aria-label="Contents">
                <a href="#widget">The widget</a> · <a href="#widget-api">JavaScript API</a> ·
                <a href="#test-mode">Test mode</a> · <a href="#goals">Goals</a> ·
                <a href="#signed-identity">Signed identity</a> · <a href="#routes">HTTP routes</a>
              </nav>
              ${widgetGuide(origin)}
              <h2 id="routes">HTTP routes</h2>
              <p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Admin routes take <code>Authorization: Bearer &lt;token&gt;</code>.</p>
              ${sections(docOnce())}
            </main>
          </body>
        </html>`);
    });
}
