import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../support/test-app.ts';

type Operation = {
  parameters?: { in: string; name: string; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** Hono's `/sites/:id` (and `:file{.+}`) as OpenAPI writes it: `/sites/{id}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
/** Answers that carry no body: 204 and redirects. */
const bodiless = (status: string) => status === '204' || status.startsWith('3');

let t: TestApp;
let doc: { paths: Record<string, Record<string, Operation | undefined>> };
// Routes as the app mounted them (`app.use` middleware and the 405 fallbacks are `ALL`), the built assets too.
let served: { method: string; path: string }[];

beforeAll(async () => {
  t = await testApp({ assets: async () => null });
  doc = await (await t.app.request('/openapi.json')).json();
  served = t.app.routes.filter((r) => METHODS.has(r.method));
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('lists every route the app serves', () => {
    const missing = served
      .filter((r) => doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()] === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    expect(served.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/sites/:siteId/messages');
  });

  it('gives every route a schema for each path parameter, its body and each answer with a body', () => {
    const problems: string[] = [];
    for (const r of served) {
      const path = openApiPath(r.path);
      const op = doc.paths[path]?.[r.method.toLowerCase()];
      if (op === undefined) continue; // the test above names it
      const where = `${r.method} ${path}`;
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
        if (param?.schema === undefined) problems.push(`${where}: path parameter ${name} has no schema`);
      }
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {}))
        if (media.schema === undefined) problems.push(`${where}: ${type} body has no schema`);
      const successes = Object.entries(op.responses).filter(([status]) => /^[23]/.test(status));
      if (successes.length === 0) problems.push(`${where}: no success answer`);
      for (const [status, response] of successes) {
        if (bodiless(status)) continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) problems.push(`${where}: ${status} has no content`);
        for (const [type, m] of media)
          if (m.schema === undefined) problems.push(`${where}: ${status} ${type} has no schema`);
      }
      if (!('4XX' in op.responses)) problems.push(`${where}: its error body is not documented`);
    }
    expect(problems).toEqual([]);
  });

  it('documents each body with the schema the route checks it with', async () => {
    const events = doc.paths['/v1/events']?.post?.requestBody?.content;
    expect(Object.keys(events ?? {})).toEqual(['application/json', 'text/plain']);
    const res = await t.post('/api/sites', { name: 'Shop' }, {});
    expect(res.status).toBe(401);
    const sites = doc.paths['/api/sites']?.post?.requestBody?.content['application/json']?.schema;
    expect(JSON.stringify(sites)).toContain('allowedOrigins');
  });
});
