import { html } from 'hono/html';
import { z } from 'zod';
import { errors, json, route, routeApp, text } from '../../http/routes.ts';
import { DOCS_CSP, pageHeaders } from '../../http/security-headers.ts';
import type { OpenApiDocument } from './openapi.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem}section{border:1px solid #e5e7eb;border-radius:10px;margin:.8rem 0;padding:.6rem 1rem}
code{font:13px ui-monospace,monospace}.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
details pre{background:#f9fafb;padding:.6rem;overflow:auto;max-height:24rem}`;

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

function sections(doc: OpenApiDocument) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = (item as Record<string, { summary?: string } | undefined>)[method];
      if (!op) return [];
      return html`<section>
        <h2><span class="m">${method}</span> <code>${path}</code></h2>
        <p>${op.summary ?? ''}</p>
        <details><summary>Request and response schemas</summary><pre>${JSON.stringify(op, null, 2)}</pre></details>
      </section>`;
    }),
  );
}

const openApiJson = route({
  method: 'get',
  path: '/openapi.json',
  tags: ['public'],
  summary: 'This document: every route with its request and response schemas (OpenAPI 3.0)',
  responses: { 200: json(z.looseObject({ openapi: z.string() }), 'The OpenAPI document'), ...errors },
});
const docsCss = route({
  method: 'get',
  path: '/docs.css',
  tags: ['public'],
  summary: 'The stylesheet of /docs',
  responses: { 200: text('text/css', z.string(), 'CSS'), ...errors },
});
const docsPage = route({
  method: 'get',
  path: '/docs',
  tags: ['public'],
  summary: 'The API reference as an HTML page (no scripts)',
  responses: { 200: text('text/html', z.string(), 'HTML'), ...errors },
});

/**
 * GET /openapi.json and GET /docs: the API reference, generated from the route declarations (`document`
 * is asked once, after every route is mounted) and served without scripts. The stylesheet is a file of its
 * own (/docs.css), so the CSP needs no 'unsafe-inline'.
 */
export function docsRoutes(document: () => OpenApiDocument) {
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
    .openapi(docsPage, (c) => {
      for (const [name, value] of Object.entries(pageHeaders(DOCS_CSP))) c.header(name, value);
      return c.html(html`<!doctype html>
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Herald API</title>
            <link rel="stylesheet" href="/docs.css" />
          </head>
          <body>
            <main>
              <h1>Herald API</h1>
              <p>Machine-readable: <a href="/openapi.json">/openapi.json</a>. Admin routes take <code>Authorization: Bearer &lt;token&gt;</code>.</p>
              ${sections(docOnce())}
            </main>
          </body>
        </html>`);
    });
}
