import { Hono } from 'hono';
import { html } from 'hono/html';
import { DOCS_CSP, pageHeaders } from '../../http/security-headers.ts';
import { openApiDocument } from './openapi.ts';
import { type Operation, operations } from './operations.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem}section{border:1px solid #e5e7eb;border-radius:10px;margin:.8rem 0;padding:.6rem 1rem}
code{font:13px ui-monospace,monospace}.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
details pre{background:#f9fafb;padding:.6rem;overflow:auto;max-height:24rem}`;

function section(op: Operation, doc: ReturnType<typeof openApiDocument>) {
  const spec = doc.paths[op.path]?.[op.method];
  return html`<section>
    <h2><span class="m">${op.method}</span> <code>${op.path}</code></h2>
    <p>${op.summary}</p>
    <details><summary>Request and response schemas</summary><pre>${JSON.stringify(spec, null, 2)}</pre></details>
  </section>`;
}

/**
 * GET /openapi.json and GET /docs: the API reference, generated from the zod schemas and served without
 * scripts. The stylesheet is a file of its own (/docs.css), so the CSP needs no 'unsafe-inline'.
 */
export function docsRoutes(publicUrl: string) {
  const doc = openApiDocument(publicUrl);
  return new Hono()
    .get('/openapi.json', (c) => c.json(doc, 200, { 'x-content-type-options': 'nosniff' }))
    .get('/docs.css', (c) =>
      c.body(STYLE, 200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=300',
        'x-content-type-options': 'nosniff',
      }),
    )
    .get('/docs', (c) => {
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
              ${operations.map((op) => section(op, doc))}
            </main>
          </body>
        </html>`);
    });
}
