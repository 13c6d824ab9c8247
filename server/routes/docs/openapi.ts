import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';

/** The OpenAPI document as `/openapi.json` serves it. */
export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPIDocument']>;

/** One declared route, as tools that walk the API (the fuzzer) need it. */
export type DeclaredOperation = {
  /** Lower case, as OpenAPI writes it: `get`, `post`… */
  method: string;
  /** As the document shows it: `/api/sites/{id}`. */
  path: string;
  tag: string;
  /** The schema a JSON body is checked with, where the route takes one. */
  body: z.ZodType | undefined;
  /** True where the body may be left out (read as `{}`). */
  bodyOptional: boolean;
};

/** A Hono pattern in a parameter (`{file{.+}}`: the rest of the path) is not OpenAPI's: shown as `{file}`. */
const shownPath = (path: string) => path.replace(/\{(\w+)\{[^}]*\}\}/g, '{$1}');

/**
 * The OpenAPI 3 document, generated from the route declarations (`route(…)` with the zod schemas the
 * routes validate with), so it lists exactly what the app serves.
 * @example openApiDocument(app, 'http://localhost:8787').paths['/v1/decide']?.post?.summary
 */
export function openApiDocument(app: OpenAPIHono, publicUrl: string): OpenApiDocument {
  const registry = app.openAPIRegistry;
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  // A session cookie must come with its CSRF token (`x-csrf-token`) on every request that is not a GET.
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'herald_session',
  });
  const doc = app.getOpenAPIDocument({
    openapi: '3.0.3',
    info: {
      title: 'Herald API',
      version: '0.1.0',
      description: 'Release announcements that follow the rollout.',
    },
    servers: [{ url: publicUrl }],
  });
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, item] of Object.entries(doc.paths)) paths[shownPath(path)] = item;
  return { ...doc, paths };
}

/**
 * Every route declared on `app`, with its JSON body's schema.
 * @example declaredOperations(app).filter((op) => op.body !== undefined)
 */
export function declaredOperations(app: OpenAPIHono): DeclaredOperation[] {
  return app.openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const json = d.route.request?.body?.content['application/json'];
    const body = json && 'schema' in json && json.schema instanceof z.ZodType ? json.schema : undefined;
    const { method, path, tags } = d.route;
    const bodyOptional = body !== undefined && d.route.request?.body?.required !== true;
    return [{ method, path: shownPath(path), tag: tags?.[0] ?? '', body, bodyOptional }];
  });
}
